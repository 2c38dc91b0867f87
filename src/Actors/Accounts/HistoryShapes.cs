using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorTrading.Actors.Accounts;

/// <summary>
/// One shape for an order or trade, whether the account answers from memory or from the read models: timestamps at
/// the read models' precision (whole microseconds, PostgreSQL's), and the fields a read-model row leaves unset filled
/// as memory has them (average fill price 0; a denied order's type/product/time in force, which OrderDenied does not
/// carry, are the request defaults memory rebuilds it with).
/// </summary>
public static class HistoryShapes
{
    // What AccountState rebuilds a denied order with (OrderRequest's defaults).
    private static readonly OrderRequest Defaults = new()
    {
        Account = new AccountId("x"), ClientOrderId = new ClientOrderId("x"), Symbol = new SymbolId("NSE:X"), Side = Side.Buy, Quantity = 0,
    };

    public static Order FromMemory(OrderState o)
    {
        var order = o.ToProto();
        order.Created = Micros(order.Created);
        order.Updated = Micros(order.Updated);
        return order;
    }

    public static Trade FromMemory(Trade t)
    {
        if (t.Time is null || t.Time.Nanos % 1000 == 0) return t;
        var copy = t.Clone();
        copy.Time = Micros(t.Time);
        return copy;
    }

    public static Order FromStore(Order o)
    {
        o.AverageFillPrice ??= ProtoDecimal.ToProto(0m);
        o.FilledQuantity ??= ProtoDecimal.ToProto(0m);
        if (o.Status == OrderStatus.Denied)
        {
            if (o.Type == OrderType.Unspecified) o.Type = Defaults.Type;
            if (o.Product == Product.Unspecified) o.Product = Defaults.Product;
            if (o.TimeInForce == TimeInForce.Unspecified) o.TimeInForce = Defaults.TimeInForce;
        }
        o.Created = Micros(o.Created);
        o.Updated = Micros(o.Updated);
        return o;
    }

    public static Trade FromStore(Trade t)
    {
        t.Time = Micros(t.Time);
        return t;
    }

    /// <summary>The timestamp truncated to whole microseconds (null stays null).</summary>
    public static Timestamp Micros(Timestamp? t) =>
        t is null ? null! : t.Nanos % 1000 == 0 ? t : new Timestamp { Seconds = t.Seconds, Nanos = t.Nanos - t.Nanos % 1000 };
}
