using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;

namespace ActorTrading.Actors.Tests.Accounts;

public sealed class OrderLifecycleTests
{
    private static Order Get(CoreHarness h, string orderId) =>
        h.Ask<Order>(CoreHarness.Account(), new GetOrderRequest { AccountId = "acc-1", OrderId = orderId });

    [Fact]
    public async Task PlaceOrder_MarketWithLastPrice_AcceptedThenFilledByPaperBroker()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var ack = h.Place("c1", "NSE:TCS", Side.Buy, 10);
        Assert.True(ack.Status == OrderStatus.Accepted, ack.ToString());
        h.Tick("NSE:TCS", 4001m);
        var order = Get(h, ack.OrderId);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(10m, ProtoDecimal.FromProto(order.FilledQuantity));
        var portfolio = h.Ask<PortfolioSnapshot>(CoreHarness.Account(), new GetPortfolioRequest { AccountId = "acc-1" });
        var position = Assert.Single(portfolio.Positions);
        Assert.Equal(10m, ProtoDecimal.FromProto(position.Quantity));
        Assert.True(ProtoDecimal.FromProto(portfolio.Cash) < 1_000_000m - 39_000m);
        var trades = h.Ask<ListTradesResponse>(CoreHarness.Account(), new ListTradesRequest { AccountId = "acc-1" });
        Assert.NotEmpty(trades.Trades);
    }

    [Fact]
    public async Task PlaceOrder_SameClientOrderIdTwice_ReturnsFirstAck()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var first = h.Place("dup", "NSE:TCS", Side.Buy, 5);
        var second = h.Place("dup", "NSE:TCS", Side.Buy, 7);
        Assert.Equal(first.OrderId, second.OrderId);
        var list = h.Ask<ListOrdersResponse>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1" });
        Assert.Single(list.Orders);
    }

    [Fact]
    public async Task PlaceOrder_SameClientOrderIdWhileRiskChecks_BothGetTheSameAck()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var a = h.Core.Cluster.RequestAsync<object>(CoreHarness.Account(), CoreHarness.PlaceRequest("same", "NSE:TCS", Side.Buy, 5), CancellationToken.None);
        var b = h.Core.Cluster.RequestAsync<object>(CoreHarness.Account(), CoreHarness.PlaceRequest("same", "NSE:TCS", Side.Buy, 5), CancellationToken.None);
        h.Run();
        Assert.Equal(Assert.IsType<OrderAck>(await a).OrderId, Assert.IsType<OrderAck>(await b).OrderId);
    }

    [Fact]
    public async Task PlaceOrder_OverMaxOpenPositions_DeniedWithReasonAndNumbers()
    {
        await using var h = new CoreHarness();
        h.CreateAccount(limits: new RiskLimits { MaxOpenPositions = 1 });
        h.Tick("NSE:TCS", 4000m);
        h.Tick("NSE:INFY", 1800m);
        Assert.Equal(OrderStatus.Accepted, h.Place("c1", "NSE:TCS", Side.Buy, 5).Status);
        var denied = h.Place("c2", "NSE:INFY", Side.Buy, 5);
        Assert.Equal(OrderStatus.Denied, denied.Status);
        Assert.Equal(DenialReason.MaxOpenPositions, denied.DenialReason);
        Assert.Contains("1", denied.Message);
    }

    [Fact]
    public async Task Limit_PartialFillsThenCancel_CanceledWithFilledQuantity()
    {
        await using var h = new CoreHarness();
        h.CreateAccount(limits: new RiskLimits { MaxPositionPercent = ProtoDecimal.ToProto(100m) });
        h.Tick("NSE:TCS", 4000m, volume: 1000);
        var ack = h.Place("lim", "NSE:TCS", Side.Buy, 30, OrderType.Limit, limit: 4000m);
        Assert.Equal(OrderStatus.Accepted, ack.Status);
        h.Tick("NSE:TCS", 3999m, volume: 10);
        var partial = Get(h, ack.OrderId);
        Assert.Equal(OrderStatus.PartiallyFilled, partial.Status);
        Assert.Equal(10m, ProtoDecimal.FromProto(partial.FilledQuantity));
        var cancel = h.Ask<OrderAck>(CoreHarness.Account(), new CancelOrderRequest { AccountId = "acc-1", OrderId = ack.OrderId });
        Assert.Equal("cancel requested", cancel.Message);
        h.Run();
        var done = Get(h, ack.OrderId);
        Assert.Equal(OrderStatus.Canceled, done.Status);
        Assert.Equal(10m, ProtoDecimal.FromProto(done.FilledQuantity));
        var again = h.Ask<CommandFailed>(CoreHarness.Account(), new CancelOrderRequest { AccountId = "acc-1", OrderId = ack.OrderId });
        Assert.Equal(FailureCode.FailedPrecondition, again.Code);
    }

    [Fact]
    public async Task Modify_WorkingLimit_ChangesPriceAtBrokerAndFillsAtNewPrice()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var ack = h.Place("m1", "NSE:TCS", Side.Buy, 5, OrderType.Limit, limit: 3950m);
        h.Tick("NSE:TCS", 3990m);
        Assert.Equal(OrderStatus.Open, Get(h, ack.OrderId).Status);
        var modified = h.Ask<OrderAck>(CoreHarness.Account(), new ModifyOrderRequest { AccountId = "acc-1", OrderId = ack.OrderId, LimitPrice = ProtoDecimal.ToProto(3995m) });
        Assert.Equal(ack.OrderId, modified.OrderId);
        h.Tick("NSE:TCS", 3990m);
        var order = Get(h, ack.OrderId);
        Assert.Equal(3995m, ProtoDecimal.FromProto(order.LimitPrice));
        Assert.Equal(OrderStatus.Filled, order.Status);
    }

    [Fact]
    public async Task CancelThenModify_CancelWins_ModifyFailsPrecondition()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var ack = h.Place("r1", "NSE:TCS", Side.Buy, 5, OrderType.Limit, limit: 3900m);
        h.Run();
        var cancel = h.Core.Cluster.RequestAsync<object>(CoreHarness.Account(), new CancelOrderRequest { AccountId = "acc-1", OrderId = ack.OrderId }, CancellationToken.None);
        h.Run();
        Assert.IsType<OrderAck>(await cancel);
        var modify = h.Ask(CoreHarness.Account(), new ModifyOrderRequest { AccountId = "acc-1", OrderId = ack.OrderId, LimitPrice = ProtoDecimal.ToProto(3950m) });
        Assert.Equal(FailureCode.FailedPrecondition, Assert.IsType<CommandFailed>(modify).Code);
        Assert.Equal(OrderStatus.Canceled, Get(h, ack.OrderId).Status);
    }

    [Fact]
    public async Task CancelAll_TwoWorkingOrders_BothCanceled()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var a = h.Place("a", "NSE:TCS", Side.Buy, 2, OrderType.Limit, limit: 3900m);
        var b = h.Place("b", "NSE:TCS", Side.Buy, 2, OrderType.Limit, limit: 3910m);
        var response = h.Ask<CancelAllOrdersResponse>(CoreHarness.Account(), new CancelAllOrdersRequest { AccountId = "acc-1" });
        Assert.Equal(2, response.CanceledOrderIds.Count);
        h.Run();
        Assert.Equal(OrderStatus.Canceled, Get(h, a.OrderId).Status);
        Assert.Equal(OrderStatus.Canceled, Get(h, b.OrderId).Status);
        var open = h.Ask<ListOrdersResponse>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1", OpenOnly = true });
        Assert.Empty(open.Orders);
    }

    [Fact]
    public async Task ListOrders_Paged_TokenWalksAllOrdersNewestFirst()
    {
        await using var h = new CoreHarness();
        h.CreateAccount(limits: new RiskLimits { MaxOrdersPerDay = 1000 });
        h.Tick("NSE:TCS", 4000m);
        for (var i = 0; i < 5; i++) h.Place("p" + i, "NSE:TCS", Side.Buy, 1, OrderType.Limit, limit: 3900m);
        var page1 = h.Ask<ListOrdersResponse>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1", PageSize = 3 });
        Assert.Equal(3, page1.Orders.Count);
        Assert.Equal("p4", page1.Orders[0].ClientOrderId);
        var page2 = h.Ask<ListOrdersResponse>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1", PageSize = 3, PageToken = page1.NextPageToken });
        Assert.Equal(2, page2.Orders.Count);
        Assert.Equal("", page2.NextPageToken);
    }

    [Fact]
    public async Task ClosePosition_Open_SellsTheQuantity()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        h.Place("c1", "NSE:TCS", Side.Buy, 10);
        h.Tick("NSE:TCS", 4000m);
        var ack = h.Ask<OrderAck>(CoreHarness.Account(), new ClosePositionRequest { AccountId = "acc-1", Symbol = "NSE:TCS", Product = Product.Mis });
        Assert.Equal(OrderStatus.Accepted, ack.Status);
        h.Tick("NSE:TCS", 4000m);
        var portfolio = h.Ask<PortfolioSnapshot>(CoreHarness.Account(), new GetPortfolioRequest { AccountId = "acc-1" });
        Assert.Empty(portfolio.Positions);
    }
}
