using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;

namespace ActorTrading.Actors.Tests.Accounts;

/// <summary>ModifyOrder goes through risk like a new order: typed denials with the numbers, the order unchanged when refused.</summary>
public sealed class ModifyRiskTests
{
    internal static Order Get(CoreHarness h, string orderId) =>
        h.Ask<Order>(CoreHarness.Account(), new GetOrderRequest { AccountId = "acc-1", OrderId = orderId });

    internal static object Modify(CoreHarness h, string orderId, decimal? quantity = null, decimal? limit = null) =>
        h.Ask(CoreHarness.Account(), new ModifyOrderRequest
        {
            AccountId = "acc-1", OrderId = orderId,
            Quantity = quantity is { } q ? ProtoDecimal.ToProto(q) : null, LimitPrice = limit is { } l ? ProtoDecimal.ToProto(l) : null,
        });

    private static OrderAck Working(CoreHarness h, string cid = "w1", decimal quantity = 5, decimal limit = 3990m, string symbol = "NSE:TCS")
    {
        var ack = h.Place(cid, symbol, Side.Buy, quantity, OrderType.Limit, limit: limit);
        Assert.Equal(OrderStatus.Accepted, ack.Status);
        h.Run();
        return ack;
    }

    [Fact]
    public async Task Modify_QuantityOverMaxPositionSize_DeniedWithNumbersAndOrderUnchanged()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var ack = Working(h);
        var denied = Assert.IsType<OrderAck>(Modify(h, ack.OrderId, quantity: 50));
        Assert.Equal(DenialReason.MaxPositionSize, denied.DenialReason);
        Assert.Equal(OrderStatus.Open, denied.Status);
        Assert.Contains("5 @ 3990 -> 50 @ 3990", denied.Message);
        Assert.Contains("199500", denied.Message);
        Assert.Contains("100000", denied.Message);
        Assert.Equal(5m, ProtoDecimal.FromProto(Get(h, ack.OrderId).Quantity));
    }

    [Fact]
    public async Task Modify_LimitOutsidePriceBand_DeniedPriceBand()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var ack = Working(h);
        var denied = Assert.IsType<OrderAck>(Modify(h, ack.OrderId, limit: 3500m));
        Assert.Equal(DenialReason.PriceBand, denied.DenialReason);
        Assert.Contains("limit price 3500 is 12.5", denied.Message);
        Assert.Contains("from last price 4000", denied.Message);
        Assert.Equal(3990m, ProtoDecimal.FromProto(Get(h, ack.OrderId).LimitPrice));
    }

    [Fact]
    public async Task Modify_OverMaxOrderNotional_DeniedMaxOrderNotional()
    {
        await using var h = new CoreHarness();
        h.CreateAccount(limits: new RiskLimits { MaxOrderNotional = ProtoDecimal.ToProto(50_000m) });
        h.Tick("NSE:TCS", 4000m);
        var ack = Working(h);
        var denied = Assert.IsType<OrderAck>(Modify(h, ack.OrderId, quantity: 20));
        Assert.Equal(DenialReason.MaxOrderNotional, denied.DenialReason);
        Assert.Contains("order notional 79800 (20 x 3990) exceeds max order notional 50000", denied.Message);
    }

    [Fact]
    public async Task Modify_BeyondBuyingPowerWithOtherOrdersReserved_DeniedInsufficientFunds()
    {
        await using var h = new CoreHarness();
        h.CreateAccount(cash: 100_000m, limits: new RiskLimits { MaxPositionPercent = ProtoDecimal.ToProto(100m) });
        h.Tick("NSE:TCS", 4000m);
        h.Tick("NSE:INFY", 1800m);
        var tcs = Working(h, "a", 10, 3990m);
        Working(h, "b", 20, 1790m, "NSE:INFY");
        var denied = Assert.IsType<OrderAck>(Modify(h, tcs.OrderId, quantity: 20));
        Assert.Equal(DenialReason.InsufficientFunds, denied.DenialReason);
        Assert.Contains("order needs 79800, available 64200", denied.Message);
        var approved = Assert.IsType<OrderAck>(Modify(h, tcs.OrderId, quantity: 15));
        Assert.Equal(DenialReason.Unspecified, approved.DenialReason);
        Assert.Equal(15m, ProtoDecimal.FromProto(Get(h, tcs.OrderId).Quantity));
    }

    [Fact]
    public async Task Modify_ApprovedIncrease_LaterOrderSeesTheNewReservation()
    {
        await using var h = new CoreHarness();
        h.CreateAccount(cash: 100_000m, limits: new RiskLimits { MaxPositionPercent = ProtoDecimal.ToProto(100m) });
        h.Tick("NSE:TCS", 4000m);
        h.Tick("NSE:INFY", 1800m);
        var tcs = Working(h, "a", 10, 3990m);
        Assert.IsType<OrderAck>(Modify(h, tcs.OrderId, quantity: 20));
        var denied = h.Place("b", "NSE:INFY", Side.Buy, 20, OrderType.Limit, limit: 1790m);
        Assert.Equal(OrderStatus.Denied, denied.Status);
        Assert.Equal(DenialReason.InsufficientFunds, denied.DenialReason);
        Assert.Contains("reserved by pending orders 79800", denied.Message);
    }

    [Fact]
    public async Task Modify_WhileHalted_IncreaseDeniedDecreaseAllowed()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var ack = Working(h);
        h.Ask<ActorTrading.Api.V1.TradingStateChanged>(CoreHarness.Account(), new HaltRequest { AccountId = "acc-1", Mode = TradingState.Halted });
        var denied = Assert.IsType<OrderAck>(Modify(h, ack.OrderId, quantity: 10));
        Assert.Equal(DenialReason.TradingHalted, denied.DenialReason);
        var smaller = Assert.IsType<OrderAck>(Modify(h, ack.OrderId, quantity: 3));
        Assert.Equal(DenialReason.Unspecified, smaller.DenialReason);
        Assert.Equal(3m, ProtoDecimal.FromProto(Get(h, ack.OrderId).Quantity));
    }

    [Fact]
    public async Task Modify_WhileReducingIncreaseOfOpeningOrder_DeniedReduceOnly()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var ack = Working(h);
        h.Ask<ActorTrading.Api.V1.TradingStateChanged>(CoreHarness.Account(), new HaltRequest { AccountId = "acc-1", Mode = TradingState.Reducing });
        var denied = Assert.IsType<OrderAck>(Modify(h, ack.OrderId, limit: 3995m));
        Assert.Equal(DenialReason.ReduceOnly, denied.DenialReason);
        Assert.Contains("REDUCING", denied.Message);
    }

    [Fact]
    public async Task Modify_JournalDown_UnavailableAndOrderUnchanged()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var ack = Working(h);
        h.Journal.Unavailable = true;
        Assert.Equal(FailureCode.Unavailable, Assert.IsType<CommandFailed>(Modify(h, ack.OrderId, quantity: 6)).Code);
        h.Journal.Unavailable = false;
        Assert.Equal(5m, ProtoDecimal.FromProto(Get(h, ack.OrderId).Quantity));
        Assert.IsType<OrderAck>(Modify(h, ack.OrderId, quantity: 6));
        Assert.Equal(6m, ProtoDecimal.FromProto(Get(h, ack.OrderId).Quantity));
    }

    [Fact]
    public async Task Modify_BadTickSizePrice_InvalidArgumentNamingLimitPrice()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var ack = Working(h);
        var failed = Assert.IsType<CommandFailed>(Modify(h, ack.OrderId, limit: 3990.01m));
        Assert.Equal(FailureCode.InvalidArgument, failed.Code);
        Assert.Equal("limit_price", failed.Field);
    }
}
