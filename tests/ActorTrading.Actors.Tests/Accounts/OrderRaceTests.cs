using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;

namespace ActorTrading.Actors.Tests.Accounts;

/// <summary>Modify and cancel racing fills, of finished orders, and duplicate client order ids: clear refusals, consistent state.</summary>
public sealed class OrderRaceTests
{
    private static decimal PositionQuantity(CoreHarness h)
    {
        var portfolio = h.Ask<PortfolioSnapshot>(CoreHarness.Account(), new GetPortfolioRequest { AccountId = "acc-1" });
        return portfolio.Positions.Sum(p => ProtoDecimal.FromProto(p.Quantity));
    }

    [Fact]
    public async Task Modify_DuringPartialFill_NewQuantityAppliesToTheRemainder()
    {
        await using var h = new CoreHarness();
        h.CreateAccount(limits: new RiskLimits { MaxPositionPercent = ProtoDecimal.ToProto(100m) });
        h.Tick("NSE:TCS", 4000m, volume: 1000);
        var ack = h.Place("p", "NSE:TCS", Side.Buy, 30, OrderType.Limit, limit: 4000m);
        h.Tick("NSE:TCS", 3999m, volume: 10);
        Assert.Equal(OrderStatus.PartiallyFilled, ModifyRiskTests.Get(h, ack.OrderId).Status);
        var tooSmall = Assert.IsType<CommandFailed>(ModifyRiskTests.Modify(h, ack.OrderId, quantity: 10));
        Assert.Equal(FailureCode.FailedPrecondition, tooSmall.Code);
        Assert.Contains("must exceed the filled quantity 10", tooSmall.Message);
        Assert.IsType<OrderAck>(ModifyRiskTests.Modify(h, ack.OrderId, quantity: 20));
        h.Tick("NSE:TCS", 3999m, volume: 1000);
        var done = ModifyRiskTests.Get(h, ack.OrderId);
        Assert.Equal(OrderStatus.Filled, done.Status);
        Assert.Equal(20m, ProtoDecimal.FromProto(done.FilledQuantity));
        Assert.Equal(20m, PositionQuantity(h));
    }

    [Fact]
    public async Task ModifyAndCancel_OfFilledOrder_FailedPreconditionAndStateUnchanged()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var ack = h.Place("f", "NSE:TCS", Side.Buy, 5);
        h.Tick("NSE:TCS", 4000m);
        Assert.Equal(OrderStatus.Filled, ModifyRiskTests.Get(h, ack.OrderId).Status);
        var appends = h.Journal.Appends;
        var cancel = h.Ask<CommandFailed>(CoreHarness.Account(), new CancelOrderRequest { AccountId = "acc-1", OrderId = ack.OrderId });
        Assert.Equal(FailureCode.FailedPrecondition, cancel.Code);
        Assert.Equal("order_id", cancel.Field);
        Assert.Contains("Filled", cancel.Message);
        var modify = Assert.IsType<CommandFailed>(ModifyRiskTests.Modify(h, ack.OrderId, quantity: 6));
        Assert.Equal(FailureCode.FailedPrecondition, modify.Code);
        Assert.Equal(appends, h.Journal.Appends);
        Assert.Equal(OrderStatus.Filled, ModifyRiskTests.Get(h, ack.OrderId).Status);
        Assert.Equal(5m, PositionQuantity(h));
    }

    [Fact]
    public async Task Cancel_RacingAFill_OneOutcomeAndPositionMatchesFills()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var ack = h.Place("r", "NSE:TCS", Side.Buy, 5, OrderType.Limit, limit: 3990m);
        h.Run();
        var cancel = h.Core.Cluster.RequestAsync<object>(CoreHarness.Account(), new CancelOrderRequest { AccountId = "acc-1", OrderId = ack.OrderId }, CancellationToken.None);
        h.Tick("NSE:TCS", 3985m);                      // crosses the limit while the cancel is on its way
        var reply = await cancel;
        var order = ModifyRiskTests.Get(h, ack.OrderId);
        Assert.True(order.Status is OrderStatus.Canceled or OrderStatus.Filled, order.ToString());
        Assert.True(reply is OrderAck || reply is CommandFailed { Code: FailureCode.FailedPrecondition }, reply.ToString());
        Assert.Equal(ProtoDecimal.FromProto(order.FilledQuantity), PositionQuantity(h));
        Assert.Empty(h.Ask<ListOrdersResponse>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1", OpenOnly = true }).Orders);
    }

    [Fact]
    public async Task Modify_RacingAFill_ConsistentQuantities()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var ack = h.Place("r", "NSE:TCS", Side.Buy, 5, OrderType.Limit, limit: 3990m);
        h.Run();
        var modify = h.Core.Cluster.RequestAsync<object>(CoreHarness.Account(),
            new ModifyOrderRequest { AccountId = "acc-1", OrderId = ack.OrderId, Quantity = ProtoDecimal.ToProto(8m) }, CancellationToken.None);
        h.Tick("NSE:TCS", 3985m);
        var reply = await modify;
        h.Tick("NSE:TCS", 3985m);
        var order = ModifyRiskTests.Get(h, ack.OrderId);
        Assert.True(reply is OrderAck || reply is CommandFailed { Code: FailureCode.FailedPrecondition }, reply.ToString());
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(ProtoDecimal.FromProto(order.Quantity), ProtoDecimal.FromProto(order.FilledQuantity));
        Assert.Equal(ProtoDecimal.FromProto(order.FilledQuantity), PositionQuantity(h));
    }

    [Fact]
    public async Task PlaceOrder_DuplicateClientOrderIdAfterFill_FirstAckAndNoSecondOrder()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var first = h.Place("dup", "NSE:TCS", Side.Buy, 5);
        h.Tick("NSE:TCS", 4000m);
        var again = h.Place("dup", "NSE:TCS", Side.Sell, 9);
        Assert.Equal(first.OrderId, again.OrderId);
        Assert.Equal(OrderStatus.Filled, again.Status);
        Assert.Single(h.Ask<ListOrdersResponse>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1" }).Orders);
        Assert.Equal(5m, PositionQuantity(h));
    }

    [Fact]
    public async Task PlaceOrder_DuplicateOfDeniedOrder_ReturnsTheDenial()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var denied = h.Place("big", "NSE:TCS", Side.Buy, 500);
        Assert.Equal(OrderStatus.Denied, denied.Status);
        var again = h.Place("big", "NSE:TCS", Side.Buy, 1);
        Assert.Equal(denied.OrderId, again.OrderId);
        Assert.Equal(OrderStatus.Denied, again.Status);
        Assert.Equal(DenialReason.MaxPositionSize, again.DenialReason);
    }
}
