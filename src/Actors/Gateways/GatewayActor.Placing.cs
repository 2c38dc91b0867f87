using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Model;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Gateways;

/// <summary>
/// New orders whose placement is under way: the broker may already list them while we do not know their broker id
/// (the HTTP answer is in flight, or a transient failure is being verified). At a broker that does not echo client
/// order ids such an entry is indistinguishable from an order we lost, so reconciliation must not attribute an order by
/// shape while a placement of the same shape is unsettled: it would give one broker order to two of our orders (a
/// phantom fill for one, and the other placed twice). Those reconciliations wait here and run again once the
/// placements settled.
/// </summary>
public sealed partial class GatewayActor
{
    private readonly Dictionary<ClientOrderId, BrokerOrder> _placing = new();
    private readonly List<ReconcileAccount> _afterPlacing = [];

    /// <summary>True when <paramref name="m"/> needs an attribution by shape that an unsettled placement could confuse.</summary>
    private bool MustWaitForPlacements(ReconcileAccount m)
    {
        if (_placing.Count == 0) return false;
        foreach (var local in m.Orders)
        {
            if (local.BrokerOrderId is not null || _inFlightNew.Contains(local.ClientOrderId) || _brokerIds.ContainsKey(local.ClientOrderId)) continue;
            if (m.Originals.FirstOrDefault(o => o.ClientOrderId == local.ClientOrderId) is not { } original) continue;
            foreach (var placing in _placing.Values)
                if (OrderAttribution.SameShape(original, placing)) return true;
        }
        return false;
    }

    /// <summary>A new order's placement ended (acknowledged, refused, or verified absent): reconciliations waiting for it run again.</summary>
    private void PlacementSettled(IContext context, GatewayCommand command)
    {
        if (command.Kind != GatewayCommandKind.New || !_placing.Remove(command.ClientOrderId) || _afterPlacing.Count == 0) return;
        foreach (var m in _afterPlacing) context.Send(context.Self, m);
        _afterPlacing.Clear();
    }
}
