using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Model;

/// <summary>
/// What a client or strategy asks for. Prices are null when not applicable. Bracket fields
/// (<see cref="StopLoss"/>, <see cref="TakeProfit"/>, <see cref="TrailingStop"/> distance) are
/// attached to the position the order opens and watched by the position logic.
/// </summary>
public sealed record OrderRequest
{
    public required AccountId Account { get; init; }
    public required ClientOrderId ClientOrderId { get; init; }
    public required SymbolId Symbol { get; init; }
    public required Side Side { get; init; }
    public OrderType Type { get; init; } = OrderType.Market;
    public required decimal Quantity { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public TimeInForce TimeInForce { get; init; } = TimeInForce.Day;
    public Product Product { get; init; } = Product.Mis;
    public decimal? StopLoss { get; init; }
    public decimal? TakeProfit { get; init; }
    /// <summary>Trailing stop distance in price units (not a price).</summary>
    public decimal? TrailingStop { get; init; }
    public string Strategy { get; init; } = "";

    /// <summary>Null when the request is well formed for <paramref name="instrument"/>; otherwise the first problem, naming the field.</summary>
    public string? Validate(InstrumentSpec instrument)
    {
        if (instrument.Symbol != Symbol) return $"symbol {Symbol} does not match instrument {instrument.Symbol}";
        if (Side is not (Side.Buy or Side.Sell)) return "side must be BUY or SELL";
        if (Type is OrderType.Unspecified || !Enum.IsDefined(Type)) return "type must be MARKET, LIMIT, STOP_LIMIT or STOP_MARKET";
        if (TimeInForce is TimeInForce.Unspecified || !Enum.IsDefined(TimeInForce)) return "time_in_force must be DAY, IOC or GTC";
        if (Product is Product.Unspecified || !Enum.IsDefined(Product)) return "product must be MIS, CNC or NRML";
        if (instrument.ValidateQuantity(Quantity) is { } q) return q;
        var needsLimit = Type is OrderType.Limit or OrderType.StopLimit;
        var needsStop = Type is OrderType.StopLimit or OrderType.StopMarket;
        if (needsLimit && LimitPrice is null) return $"limit_price is required for {Type} orders";
        if (!needsLimit && LimitPrice is not null) return $"limit_price is not allowed for {Type} orders";
        if (needsStop && StopPrice is null) return $"stop_price is required for {Type} orders";
        if (!needsStop && StopPrice is not null) return $"stop_price is not allowed for {Type} orders";
        if (LimitPrice is { } lp && instrument.ValidatePrice(lp, "limit_price") is { } le) return le;
        if (StopPrice is { } sp && instrument.ValidatePrice(sp, "stop_price") is { } se) return se;
        if (StopLoss is { } sl && instrument.ValidatePrice(sl, "stop_loss") is { } sle) return sle;
        if (TakeProfit is { } tp && instrument.ValidatePrice(tp, "take_profit") is { } tpe) return tpe;
        if (TrailingStop is { } ts && ts <= 0) return $"trailing_stop {ts} must be a positive distance";
        if (TimeInForce == TimeInForce.Ioc && Type is OrderType.StopLimit or OrderType.StopMarket)
            return "time_in_force IOC is not allowed for stop orders";
        return ValidateBracket();
    }

    private string? ValidateBracket()
    {
        var reference = LimitPrice ?? StopPrice;
        if (reference is null) return null;
        var entry = reference.Value;
        var buy = Side == Side.Buy;
        if (StopLoss is { } sl && (buy ? sl >= entry : sl <= entry))
            return $"stop_loss {sl} must be {(buy ? "below" : "above")} the entry price {entry} for a {Side} order";
        if (TakeProfit is { } tp && (buy ? tp <= entry : tp >= entry))
            return $"take_profit {tp} must be {(buy ? "above" : "below")} the entry price {entry} for a {Side} order";
        return null;
    }
}
