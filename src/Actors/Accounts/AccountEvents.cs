using ActorTrading.Actors.Model;
using Position = ActorTrading.Actors.Model.Position;
using ActorTrading.Api.V1;
using ActorTrading.Events.V1;
using Google.Protobuf.WellKnownTypes;
using ApiDecimal = ActorTrading.Api.V1.Decimal;

namespace ActorTrading.Actors.Accounts;

/// <summary>Builds the journaled events (ActorTrading.Events.V1) from domain values, and back.</summary>
public static class AccountEvents
{
    public static AccountEvent At(DateTimeOffset now) => new() { At = Timestamp.FromDateTimeOffset(now) };

    public static ApiDecimal? Opt(decimal? value) => value is { } v ? ProtoDecimal.ToProto(v) : null;

    public static decimal? Opt(ApiDecimal? value) => value is null ? null : ProtoDecimal.FromProto(value);

    /// <summary>The journaled per-account order rate of <paramref name="limits"/>.</summary>
    public static OrderRateLimit Rate(Risk.RiskSettings limits) => new() { OrdersPerSecond = limits.OrdersPerSecond, Burst = limits.OrderBurst };

    /// <summary><paramref name="limits"/> with the journaled order rate; absent or invalid (old events) keeps the baseline's.</summary>
    public static Risk.RiskSettings WithRate(Risk.RiskSettings limits, OrderRateLimit? rate) =>
        rate is { OrdersPerSecond: > 0, Burst: > 0 } ? limits with { OrdersPerSecond = rate.OrdersPerSecond, OrderBurst = rate.Burst } : limits;

    public static OrderAccepted Accepted(OrderId id, OrderRequest r, string parentOrderId = "") => new()
    {
        OrderId = id.Value, ClientOrderId = r.ClientOrderId.Value, Symbol = r.Symbol.Value, Side = r.Side, Type = r.Type,
        Quantity = ProtoDecimal.ToProto(r.Quantity), LimitPrice = Opt(r.LimitPrice), StopPrice = Opt(r.StopPrice),
        TimeInForce = r.TimeInForce, Product = r.Product, StopLoss = Opt(r.StopLoss), TakeProfit = Opt(r.TakeProfit),
        TrailingStop = Opt(r.TrailingStop), Strategy = r.Strategy, ParentOrderId = parentOrderId,
    };

    public static OrderRequest ToRequest(AccountId account, OrderAccepted a) => new()
    {
        Account = account, ClientOrderId = new ClientOrderId(a.ClientOrderId), Symbol = new SymbolId(a.Symbol), Side = a.Side, Type = a.Type,
        Quantity = ProtoDecimal.FromProto(a.Quantity), LimitPrice = Opt(a.LimitPrice), StopPrice = Opt(a.StopPrice),
        TimeInForce = a.TimeInForce, Product = a.Product, StopLoss = Opt(a.StopLoss), TakeProfit = Opt(a.TakeProfit),
        TrailingStop = Opt(a.TrailingStop), Strategy = a.Strategy,
    };

    public static OrderDenied Denied(OrderId id, OrderRequest r, DenialReason reason, string message) => new()
    {
        OrderId = id.Value, ClientOrderId = r.ClientOrderId.Value, Symbol = r.Symbol.Value, Side = r.Side,
        Quantity = ProtoDecimal.ToProto(r.Quantity), Reason = reason, Message = message, Strategy = r.Strategy,
    };

    /// <summary>
    /// The fill event with the order, position and cash after it, computed without touching <paramref name="state"/>.
    /// <paramref name="brokerComplete"/>: the broker says the order is done (see <see cref="OrderStateMachine.FillReported"/>).
    /// </summary>
    public static OrderFilled Filled(AccountState state, OrderState order, string tradeId, decimal quantity, decimal price, decimal fees,
        DateTimeOffset time, bool brokerComplete = false)
    {
        var after = OrderStateMachine.FillReported(order, quantity, price, time, brokerComplete);
        var fill = new Fill(tradeId, order.OrderId, order.Symbol, order.Side, order.Request.Product, quantity, price, fees, time);
        var scratch = new Position(new PositionKey(order.Symbol, order.Request.Product));
        decimal realizedBefore = 0;
        if (state.Positions.TryGet(order.Symbol, order.Request.Product, out var current) && current.Quantity != 0)
        {
            scratch.Apply(new Fill("seed", order.OrderId, order.Symbol, current.Quantity > 0 ? Side.Buy : Side.Sell, order.Request.Product,
                Math.Abs(current.Quantity), current.AveragePrice, 0, time));
        }
        if (current is not null) realizedBefore = current.RealizedPnl;
        var realized = scratch.Apply(fill);
        var cashAfter = state.Cash - fill.SignedQuantity * price - fees;
        var filled = after.Succeeded ? after.State : order;
        return new OrderFilled
        {
            OrderId = order.OrderId.Value, TradeId = tradeId, Symbol = order.Symbol.Value, Side = order.Side, Product = order.Request.Product,
            Quantity = ProtoDecimal.ToProto(quantity), Price = ProtoDecimal.ToProto(price), Fees = ProtoDecimal.ToProto(fees),
            Time = Timestamp.FromDateTimeOffset(time), FilledQuantityAfter = ProtoDecimal.ToProto(filled.FilledQuantity),
            AverageFillPriceAfter = ProtoDecimal.ToProto(decimal.Round(filled.AverageFillPrice, 9)),
            PositionQuantityAfter = ProtoDecimal.ToProto(scratch.Quantity),
            PositionAveragePriceAfter = ProtoDecimal.ToProto(decimal.Round(scratch.AveragePrice, 9)),
            PositionRealizedPnlAfter = ProtoDecimal.ToProto(decimal.Round(realizedBefore + realized, 9)),
            CashAfter = ProtoDecimal.ToProto(decimal.Round(cashAfter, 9)), OrderComplete = filled.Status == OrderStatus.Filled,
        };
    }
}
