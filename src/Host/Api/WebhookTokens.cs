using System.Collections.Concurrent;
using ActorTrading.Api.V1;

namespace ActorTrading.Host.Api;

/// <summary>
/// Which strategy instance a TradingView webhook token belongs to. Learned from the instances the account actors return
/// (StartStrategy, StopStrategy, ListStrategies) on this node; a node that has not seen an instance answers 404 until
/// its owner lists it (README: point webhooks at the node that started the strategy, or list strategies once).
/// </summary>
public sealed class WebhookTokens
{
    private readonly ConcurrentDictionary<string, (string AccountId, string Instance)> _byToken = new(StringComparer.Ordinal);

    public void Learn(StrategyInstance instance)
    {
        if (string.IsNullOrEmpty(instance.WebhookToken)) return;
        if (instance.Running) _byToken[instance.WebhookToken] = (instance.AccountId, instance.InstanceName);
        else _byToken.TryRemove(instance.WebhookToken, out _);
    }

    public bool TryResolve(string token, out string accountId, out string instance)
    {
        if (_byToken.TryGetValue(token, out var found))
        {
            (accountId, instance) = found;
            return true;
        }
        accountId = instance = "";
        return false;
    }
}
