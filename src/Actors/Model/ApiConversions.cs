using ActorTrading.Api.V1;
using Google.Protobuf.WellKnownTypes;
using ApiBar = ActorTrading.Api.V1.Bar;
using ApiPosition = ActorTrading.Api.V1.Position;

namespace ActorTrading.Actors.Model;

/// <summary>Domain → API message conversions (and the tick back), for the actors and the gRPC layer.</summary>
public static class ApiConversions
{
    public static Tick ToProto(this MarketTick t) => new()
    {
        Symbol = t.Symbol.Value, Bid = ProtoDecimal.ToProto(t.Bid), Ask = ProtoDecimal.ToProto(t.Ask), Last = ProtoDecimal.ToProto(t.Last),
        Volume = t.Volume, Time = Timestamp.FromDateTimeOffset(t.Time), Sequence = t.Sequence,
    };

    /// <summary>Validates a published tick; null on success, otherwise the problem naming the field.</summary>
    public static string? TryFromProto(Tick tick, out MarketTick? result)
    {
        result = null;
        if (!SymbolId.TryParse(tick.Symbol, out var symbol)) return $"symbol: {SymbolId.Validate(tick.Symbol)}";
        if (ProtoDecimal.TryFromProto(tick.Bid, out var bid) is { } be) return "bid: " + be;
        if (ProtoDecimal.TryFromProto(tick.Ask, out var ask) is { } ae) return "ask: " + ae;
        if (ProtoDecimal.TryFromProto(tick.Last, out var last) is { } le) return "last: " + le;
        if (bid < 0 || ask < 0 || last < 0) return "prices must not be negative";
        if (bid > 0 && ask > 0 && bid > ask) return $"bid {bid} is above ask {ask}";
        if (tick.Volume < 0) return $"volume {tick.Volume} must not be negative";
        if (tick.Time is null) return "time is required";
        result = new MarketTick(symbol, bid, ask, last, tick.Volume, tick.Time.ToDateTimeOffset(), tick.Sequence);
        return null;
    }

    public static ApiBar ToProto(this Bar b) => new()
    {
        Symbol = b.Symbol.Value, Start = Timestamp.FromDateTimeOffset(b.Start), Open = ProtoDecimal.ToProto(b.Open),
        High = ProtoDecimal.ToProto(b.High), Low = ProtoDecimal.ToProto(b.Low), Close = ProtoDecimal.ToProto(b.Close), Volume = b.Volume,
    };

    public static Order ToProto(this OrderState o) => new()
    {
        OrderId = o.OrderId.Value, ClientOrderId = o.ClientOrderId.Value, AccountId = o.Request.Account.Value, Symbol = o.Symbol.Value,
        Side = o.Side, Type = o.Request.Type, Quantity = ProtoDecimal.ToProto(o.Quantity), FilledQuantity = ProtoDecimal.ToProto(o.FilledQuantity),
        LimitPrice = o.LimitPrice is { } l ? ProtoDecimal.ToProto(l) : null, StopPrice = o.StopPrice is { } s ? ProtoDecimal.ToProto(s) : null,
        AverageFillPrice = ProtoDecimal.ToProto(decimal.Round(o.AverageFillPrice, 9)), Status = o.Status, Product = o.Request.Product,
        TimeInForce = o.Request.TimeInForce, Strategy = o.Request.Strategy,
        Created = Timestamp.FromDateTimeOffset(o.Created), Updated = Timestamp.FromDateTimeOffset(o.Updated),
    };

    public static OrderAck ToAck(this OrderState o) => new()
    {
        OrderId = o.OrderId.Value, ClientOrderId = o.ClientOrderId.Value, Status = o.Status, DenialReason = o.DenialReason, Message = o.Message,
    };

    public static Trade ToProto(this Fill f) => new()
    {
        TradeId = f.TradeId, OrderId = f.OrderId.Value, Symbol = f.Symbol.Value, Side = f.Side, Quantity = ProtoDecimal.ToProto(f.Quantity),
        Price = ProtoDecimal.ToProto(f.Price), Fees = ProtoDecimal.ToProto(f.Fees), Time = Timestamp.FromDateTimeOffset(f.Time),
    };

    public static ApiPosition ToProto(this Position p) => new()
    {
        Symbol = p.Key.Symbol.Value, Product = p.Key.Product, Quantity = ProtoDecimal.ToProto(p.Quantity),
        AveragePrice = ProtoDecimal.ToProto(decimal.Round(p.AveragePrice, 9)), LastPrice = ProtoDecimal.ToProto(p.LastPrice),
        RealizedPnl = ProtoDecimal.ToProto(decimal.Round(p.RealizedPnl, 9)), UnrealizedPnl = ProtoDecimal.ToProto(decimal.Round(p.UnrealizedPnl, 9)),
    };

    public static SymbolInfo ToProto(this InstrumentSpec s) => new()
    {
        Symbol = s.Symbol.Value, TickSize = ProtoDecimal.ToProto(s.TickSize), LotSize = ProtoDecimal.ToProto(s.LotSize), Sector = s.Sector,
    };
}
