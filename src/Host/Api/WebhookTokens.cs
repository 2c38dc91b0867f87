using System.Collections.Concurrent;
using ActorTrading.Api.V1;
using ActorTrading.Host.Composition;
using ActorTrading.Storage.Postgres;

namespace ActorTrading.Host.Api;

/// <summary>
/// Which strategy instance a TradingView webhook token belongs to, learned from the instances the account actors return
/// (StartStrategy, StopStrategy, ListStrategies). Durable node: kept in PostgreSQL as a hash (<see cref="PostgresWebhookTokenStore"/>),
/// so every node — and a restarted one — resolves it, and stopping the strategy revokes it everywhere. Embedded node:
/// in this process only.
/// </summary>
public sealed class WebhookTokens(NodeStorage storage)
{
    private readonly ConcurrentDictionary<string, (string AccountId, string Instance)> _byToken = new(StringComparer.Ordinal);
    private readonly PostgresWebhookTokenStore? _store = storage.WebhookTokens;

    public async Task LearnAsync(StrategyInstance instance, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(instance.WebhookToken)) return;
        if (instance.Running)
        {
            var entry = (instance.AccountId, instance.InstanceName);
            var known = _byToken.TryGetValue(instance.WebhookToken, out var was) && was == entry;
            _byToken[instance.WebhookToken] = entry;
            if (!known && _store is not null) await _store.SaveAsync(instance.WebhookToken, instance.AccountId, instance.InstanceName, ct).ConfigureAwait(false);
        }
        else
        {
            _byToken.TryRemove(instance.WebhookToken, out _);
            if (_store is not null) await _store.RemoveAsync(instance.WebhookToken, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The owner of <paramref name="token"/>, or null. Durable: always the database (a stop on another node revokes at once).</summary>
    public async Task<(string AccountId, string Instance)?> ResolveAsync(string token, CancellationToken ct = default)
    {
        if (_store is not null) return await _store.FindAsync(token, ct).ConfigureAwait(false);
        return _byToken.TryGetValue(token, out var found) ? found : null;
    }
}
