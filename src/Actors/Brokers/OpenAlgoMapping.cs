using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Brokers;

/// <summary>Translations between our enums and OpenAlgo's words.</summary>
internal static class OpenAlgoMapping
{
    public static string PriceType(OrderType t) => t switch
    {
        OrderType.Market => "MARKET",
        OrderType.Limit => "LIMIT",
        OrderType.StopLimit => "SL",
        OrderType.StopMarket => "SL-M",
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, "order type required"),
    };

    public static OrderType ToOrderType(string s) => s.ToUpperInvariant() switch
    {
        "LIMIT" => OrderType.Limit,
        "SL" => OrderType.StopLimit,
        "SL-M" => OrderType.StopMarket,
        _ => OrderType.Market,
    };

    public static string Action(Side s) => s == Side.Buy ? "BUY" : "SELL";

    public static Side ToSide(string s) => s.Equals("BUY", StringComparison.OrdinalIgnoreCase) ? Side.Buy : Side.Sell;

    public static Product ToProduct(string s) => s.ToUpperInvariant() switch
    {
        "CNC" => Product.Cnc,
        "NRML" => Product.Nrml,
        _ => Product.Mis,
    };

    public static OrderStatus ToStatus(string s) => s.Trim().ToLowerInvariant() switch
    {
        "complete" or "completed" or "filled" => OrderStatus.Filled,
        "cancelled" or "canceled" => OrderStatus.Canceled,
        "rejected" => OrderStatus.Rejected,
        "partially filled" or "partially_filled" or "partial" => OrderStatus.PartiallyFilled,
        "open" or "pending" or "trigger pending" or "trigger_pending" or "modify pending" or "open pending" => OrderStatus.Open,
        _ => OrderStatus.Accepted,
    };
}
