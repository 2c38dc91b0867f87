using System.Collections.Concurrent;
using ActorTrading.Actors.Ports;

namespace ActorTrading.Actors.InMemory;

/// <summary>Broker credentials in this process only.</summary>
public sealed class InMemoryBrokerCredentialStore : IBrokerCredentialStore
{
    private readonly ConcurrentDictionary<string, string> _byGateway = new(StringComparer.Ordinal);

    public Task SaveAsync(string gatewayId, string credentials, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(gatewayId);
        ArgumentNullException.ThrowIfNull(credentials);
        _byGateway[gatewayId] = credentials;
        return Task.CompletedTask;
    }

    public Task<string?> LoadAsync(string gatewayId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_byGateway.TryGetValue(gatewayId, out var c) ? c : null);
}
