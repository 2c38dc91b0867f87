using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Hosting;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Accounts;

/// <summary>Reconciliation with the broker: the account's working orders go to the gateway that holds them.</summary>
public sealed partial class AccountActor
{
    private void SendReconcile(string? onlyGateway)
    {
        var byGateway = new Dictionary<string, (List<LocalOrderView> Views, List<BrokerOrder> Originals)>(StringComparer.Ordinal);
        foreach (var o in _state.Active.Values)
        {
            var gateway = GatewayOf(o.OrderId);
            if (onlyGateway is not null && gateway != onlyGateway) continue;
            if (!byGateway.TryGetValue(gateway, out var lists)) byGateway[gateway] = lists = ([], []);
            var cid = GatewayRouting.BrokerClientId(_id, o.OrderId);
            lists.Views.Add(new LocalOrderView(cid, BrokerIdOf(o.OrderId), o.Symbol, o.Side, o.Quantity, o.FilledQuantity, o.Status));
            lists.Originals.Add(BrokerOrder.From(o) with { ClientOrderId = cid });
        }
        if (onlyGateway is not null && !byGateway.ContainsKey(onlyGateway)) byGateway[onlyGateway] = ([], []);   // the gateway waits for our claims
        foreach (var (gateway, lists) in byGateway)
            _services.Cluster.Send(TradingCore.GatewayIdentity(gateway), new ReconcileAccount(_id, lists.Views, lists.Originals)
            {
                Claimed = _state.BrokerIds.Values.Where(b => b.Gateway == gateway && b.BrokerOrderId.Length > 0).Select(b => b.BrokerOrderId).ToArray(),
            });
    }
}
