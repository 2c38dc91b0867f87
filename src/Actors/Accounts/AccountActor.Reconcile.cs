using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Hosting;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Accounts;

/// <summary>
/// Reconciliation with the broker: the account's working orders go to the gateway that holds them. The list is taken
/// now and sent once everything staged before it is durable: an order accepted but not yet durable has not been sent
/// to the gateway, which would otherwise take it for an order lost in a crash — attribute it by shape to a broker order
/// that is not its own, or place it before it is durable (and again when its SubmitOrder comes).
/// </summary>
public sealed partial class AccountActor
{
    private void SendReconcile(IContext context, string? onlyGateway)
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
        var messages = new List<(string Gateway, ReconcileAccount Message)>(byGateway.Count);
        foreach (var (gateway, lists) in byGateway)
            messages.Add((gateway, new ReconcileAccount(_id, lists.Views, lists.Originals)
            {
                Claimed = _state.BrokerIds.Values.Where(b => b.Gateway == gateway && b.BrokerOrderId.Length > 0).Select(b => b.BrokerOrderId).ToArray(),
            }));
        var cluster = _services.Cluster;
        // A failed append stops the account: its next activation recovers what is durable and reconciles its orders from
        // there. A gateway collecting claims still gets ours (so it does not attribute without them), but no orders.
        WhenDurable(context, _ => { foreach (var (gateway, m) in messages) cluster.Send(TradingCore.GatewayIdentity(gateway), m); },
            _ => { foreach (var (gateway, m) in messages) cluster.Send(TradingCore.GatewayIdentity(gateway), new ReconcileAccount(_id, [], []) { Claimed = m.Claimed }); });
    }
}
