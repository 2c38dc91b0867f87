using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Brokers;

/// <summary>
/// After a crash, finds the broker order an order we never saw acknowledged became, in a broker order book that does
/// not echo client order ids (OpenAlgo): same symbol, side, type, product, quantity and prices, not claimed by any
/// order we know, oldest first. Pure and deterministic. A broker that echoes the client order id is matched on it.
/// </summary>
public static class OrderAttribution
{
    public static BrokerOrderSnapshot? Find(BrokerOrder order, IEnumerable<BrokerOrderSnapshot> book, IReadOnlySet<string> claimed)
    {
        BrokerOrderSnapshot? best = null;
        foreach (var b in book)
        {
            if (claimed.Contains(b.BrokerOrderId)) continue;
            if (b.ClientOrderId is { } echoed)
            {
                if (echoed == order.ClientOrderId) return b;
                continue;
            }
            if (!SameShape(order, b)) continue;
            if (best is null || Older(b.BrokerOrderId, best.BrokerOrderId)) best = b;
        }
        return best;
    }

    /// <summary>True when the broker could not tell <paramref name="a"/> from <paramref name="b"/> in its order book.</summary>
    public static bool SameShape(BrokerOrder a, BrokerOrder b) =>
        SameShape(a, new BrokerOrderSnapshot("", null, b.Symbol, b.Side, b.Type, b.Product, b.Quantity, 0, 0, b.LimitPrice, b.StopPrice, OrderStatus.Accepted));

    private static bool SameShape(BrokerOrder o, BrokerOrderSnapshot b) =>
        b.Symbol == o.Symbol && b.Side == o.Side && b.Type == o.Type && b.Product == o.Product && b.Quantity == o.Quantity
        && (o.Type is OrderType.Market or OrderType.StopMarket || (b.LimitPrice ?? 0) == (o.LimitPrice ?? 0))
        && (o.Type is OrderType.Market or OrderType.Limit || (b.StopPrice ?? 0) == (o.StopPrice ?? 0));

    /// <summary>Broker ids grow with time (numeric ids: shorter is older).</summary>
    private static bool Older(string a, string b) =>
        a.Length != b.Length ? a.Length < b.Length : string.CompareOrdinal(a, b) < 0;
}
