using ProtoDecimal = ActorTrading.Actors.Model.ProtoDecimal;
using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;
using ActorTrading.Events.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorTrading.Storage.Tests.Infrastructure;

/// <summary>Builders of journaled events for tests.</summary>
public static class TestEvents
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 15, 0, TimeSpan.Zero);

    public static AccountEvent At(this AccountEvent e, DateTimeOffset at) { e.At = Timestamp.FromDateTimeOffset(at); return e; }

    public static AccountEvent Opened(string accountId, decimal cash = 100_000m) => new AccountEvent
    {
        AccountOpened = new AccountOpened { AccountId = accountId, DisplayName = "Test " + accountId, InitialCash = ProtoDecimal.ToProtoRounded(cash),
            Limits = new RiskLimits { MaxOpenPositions = 3, MaxTradesPerDay = 5 } },
    }.At(T0);

    public static AccountEvent Accepted(string orderId, string symbol = "NSE:RELIANCE", decimal qty = 10m, decimal? limit = 2500m) => new AccountEvent
    {
        OrderAccepted = new OrderAccepted { OrderId = orderId, ClientOrderId = "c-" + orderId, Symbol = symbol, Side = Side.Buy,
            Type = limit is null ? OrderType.Market : OrderType.Limit, Quantity = ProtoDecimal.ToProtoRounded(qty),
            LimitPrice = (limit is { } v ? ProtoDecimal.ToProtoRounded(v) : null), TimeInForce = TimeInForce.Day, Product = Product.Mis, Strategy = "manual" },
    }.At(T0);

    public static AccountEvent Submitted(string orderId) => new AccountEvent
    {
        OrderSubmitted = new OrderSubmitted { OrderId = orderId, GatewayId = "paper-1", BrokerOrderId = "b-" + orderId },
    }.At(T0);

    public static AccountEvent Filled(string orderId, string tradeId, decimal qty, decimal price, bool complete, decimal positionAfter, decimal cashAfter,
        string symbol = "NSE:RELIANCE") => new AccountEvent
    {
        OrderFilled = new OrderFilled { OrderId = orderId, TradeId = tradeId, Symbol = symbol, Side = Side.Buy, Product = Product.Mis,
            Quantity = ProtoDecimal.ToProtoRounded(qty), Price = ProtoDecimal.ToProtoRounded(price), Fees = ProtoDecimal.ToProtoRounded(1.5m),
            Time = Timestamp.FromDateTimeOffset(T0), FilledQuantityAfter = ProtoDecimal.ToProtoRounded(qty), AverageFillPriceAfter = ProtoDecimal.ToProtoRounded(price),
            PositionQuantityAfter = ProtoDecimal.ToProtoRounded(positionAfter), PositionAveragePriceAfter = ProtoDecimal.ToProtoRounded(price),
            PositionRealizedPnlAfter = ProtoDecimal.ToProtoRounded(0), CashAfter = ProtoDecimal.ToProtoRounded(cashAfter), OrderComplete = complete },
    }.At(T0);

    public static AccountEvent Canceled(string orderId) => new AccountEvent { OrderCanceled = new OrderCanceled { OrderId = orderId, Reason = "user" } }.At(T0);

    public static AccountEvent Cash(decimal amount, decimal after) => new AccountEvent
    {
        CashAdjusted = new CashAdjusted { Amount = ProtoDecimal.ToProtoRounded(amount), CashAfter = ProtoDecimal.ToProtoRounded(after), Reason = "deposit" },
    }.At(T0);

    public static AccountEvent Halted(string reason = "kill switch") => new AccountEvent
    {
        TradingStateChanged = new Events.V1.TradingStateChanged { State = TradingState.Halted, Reason = reason },
    }.At(T0);

    public static AccountEvent[] Many(int n) => Enumerable.Range(0, n).Select(i => Cash(1m, 100_000m + i + 1)).ToArray();
}
