using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Ports;

/// <summary>A change to an order already in the read model; null fields keep their value.</summary>
public sealed record OrderPatch(string AccountId, string OrderId, DateTimeOffset Updated)
{
    public OrderStatus? Status { get; set; }
    public decimal? Quantity { get; set; }
    public decimal? LimitPrice { get; set; }
    public decimal? StopPrice { get; set; }
    public decimal? FilledQuantity { get; set; }
    public decimal? AverageFillPrice { get; set; }
}

/// <summary>A change to an account row; null fields keep their value. <see cref="Opened"/> creates the row.</summary>
public sealed record AccountPatch(string AccountId)
{
    public bool Opened { get; set; }
    public string? DisplayName { get; set; }
    public decimal? Cash { get; set; }
    public RiskLimits? Limits { get; set; }
    public TradingState? State { get; set; }
}

/// <summary>A new order row (with the seq of its OrderAccepted/OrderDenied event, the listing's sort key).</summary>
public sealed record OrderRow(string AccountId, long Seq, Order Order);

/// <summary>A new trade row (with the seq of its OrderFilled event).</summary>
public sealed record TradeRow(string AccountId, long Seq, DateTimeOffset At, Trade Trade);

/// <summary>A position row's new state.</summary>
public sealed record PositionRow(string AccountId, Position Position);

/// <summary>A strategy row's new state.</summary>
public sealed record StrategyRow(string AccountId, string InstanceName, string Type, IReadOnlyList<string> Symbols,
    IReadOnlyDictionary<string, string> Parameters, bool Running, string WebhookTokenHash);

/// <summary>Everything a set of appended events changes in the read models, folded (one entry per row).</summary>
public sealed class ReadModelChanges
{
    public Dictionary<(string, string), OrderRow> NewOrders { get; } = new();
    public Dictionary<(string, string), OrderPatch> OrderPatches { get; } = new();
    public List<TradeRow> Trades { get; } = new();
    public Dictionary<(string, string, Product), PositionRow> Positions { get; } = new();
    public Dictionary<string, AccountPatch> Accounts { get; } = new(StringComparer.Ordinal);
    public Dictionary<(string, string), StrategyRow> Strategies { get; } = new();

    public void Clear()
    {
        NewOrders.Clear(); OrderPatches.Clear(); Trades.Clear(); Positions.Clear(); Accounts.Clear(); Strategies.Clear();
    }
}
