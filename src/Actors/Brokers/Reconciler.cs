using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Brokers;

/// <summary>
/// Compares the account's open orders and positions with the broker's (on start or after recovery) and lists the
/// corrections. Pure: no I/O, deterministic order. Pass the broker's full order book of the day, so that orders which
/// finished while we were away show up as status changes rather than as missing.
/// Orders are matched by broker order id, else by client order id when the broker echoes it.
/// </summary>
public static class Reconciler
{
    public static IReadOnlyList<ReconciliationCorrection> Diff(
        IEnumerable<LocalOrderView> localActiveOrders, IEnumerable<BrokerOrderSnapshot> brokerOrders,
        IReadOnlyDictionary<PositionKey, decimal> localPositions, IEnumerable<BrokerPosition> brokerPositions)
    {
        var result = new List<ReconciliationCorrection>();
        var broker = brokerOrders.ToList();
        var byId = broker.ToDictionary(b => b.BrokerOrderId);
        var matched = new HashSet<string>();
        foreach (var local in localActiveOrders.OrderBy(o => o.ClientOrderId.Value, StringComparer.Ordinal))
        {
            var b = local.BrokerOrderId is { } id && byId.TryGetValue(id, out var byBroker) ? byBroker
                : broker.FirstOrDefault(x => x.ClientOrderId == local.ClientOrderId);
            if (b is null)
            {
                result.Add(new(CorrectionKind.MissingAtBroker, local.BrokerOrderId is null
                    ? $"order {local.ClientOrderId} was never acknowledged: resubmit with the same client order id"
                    : $"broker has no order {local.BrokerOrderId} ({local.ClientOrderId}): query its status")
                { ClientOrderId = local.ClientOrderId, BrokerOrderId = local.BrokerOrderId, LocalQuantity = local.FilledQuantity });
                continue;
            }
            matched.Add(b.BrokerOrderId);
            if (b.FilledQuantity > local.FilledQuantity)
                result.Add(new(CorrectionKind.FillsMissing,
                    $"order {local.ClientOrderId}: broker filled {b.FilledQuantity} at avg {b.AveragePrice}, account has {local.FilledQuantity}")
                { ClientOrderId = local.ClientOrderId, BrokerOrderId = b.BrokerOrderId, Broker = b, LocalQuantity = local.FilledQuantity, BrokerQuantity = b.FilledQuantity });
            if (b.Status != local.Status && !(b.IsActive && IsActive(local.Status))) // both working: fills (above) are the only news
                result.Add(new(CorrectionKind.StatusChanged, $"order {local.ClientOrderId}: account {local.Status}, broker {b.Status}")
                { ClientOrderId = local.ClientOrderId, BrokerOrderId = b.BrokerOrderId, Broker = b });
        }
        foreach (var b in broker.Where(b => b.IsActive && !matched.Contains(b.BrokerOrderId)).OrderBy(b => b.BrokerOrderId, StringComparer.Ordinal))
            result.Add(new(CorrectionKind.UnknownAtBroker, $"broker order {b.BrokerOrderId} {b.Side} {b.Quantity} {b.Symbol} is not known to the account")
            { BrokerOrderId = b.BrokerOrderId, ClientOrderId = b.ClientOrderId, Broker = b });
        var brokerPos = new Dictionary<PositionKey, decimal>();
        foreach (var p in brokerPositions) brokerPos[new PositionKey(p.Symbol, p.Product)] = brokerPos.GetValueOrDefault(new PositionKey(p.Symbol, p.Product)) + p.Quantity;
        foreach (var key in localPositions.Keys.Union(brokerPos.Keys).OrderBy(k => k.Symbol.Value, StringComparer.Ordinal).ThenBy(k => k.Product))
        {
            var l = localPositions.GetValueOrDefault(key);
            var r = brokerPos.GetValueOrDefault(key);
            if (l != r)
                result.Add(new(CorrectionKind.PositionMismatch, $"position {key.Symbol} {key.Product}: account {l}, broker {r}")
                { Position = key, LocalQuantity = l, BrokerQuantity = r });
        }
        return result;
    }

    private static bool IsActive(Api.V1.OrderStatus s) =>
        s is Api.V1.OrderStatus.Accepted or Api.V1.OrderStatus.Open or Api.V1.OrderStatus.PartiallyFilled;
}
