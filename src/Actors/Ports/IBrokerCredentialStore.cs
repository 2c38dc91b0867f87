namespace ActorTrading.Actors.Ports;

/// <summary>Secrets a broker adapter needs (API key, token...), as an opaque string per gateway; encrypted at rest.</summary>
public interface IBrokerCredentialStore
{
    Task SaveAsync(string gatewayId, string credentials, CancellationToken cancellationToken = default);

    /// <summary>The credentials, or null when none are stored.</summary>
    Task<string?> LoadAsync(string gatewayId, CancellationToken cancellationToken = default);
}
