using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Tests.Support;
using static ActorTrading.Host.Tests.Support.Messages;

namespace ActorTrading.Host.Tests.Api;

/// <summary>A session through the API against the scripted protocol actors: routing, replies, failures, streams.</summary>
public sealed class TradingSessionTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private string _trader = "";

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync();
        _trader = _node.Keys[Role.Trader];
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private Task<TResp> Call<TReq, TResp>(string path, TReq request) where TReq : class, Google.Protobuf.IMessage<TReq> where TResp : class, Google.Protobuf.IMessage<TResp> =>
        _node.Client.Unary<TReq, TResp>(path, request, _trader);

    [Fact]
    public async Task PlaceOrder_MarketOrder_AcknowledgesAndStreamsTheFill()
    {
        using var events = _node.Client.Stream<StreamOrderEventsRequest, OrderEvent>("Orders/StreamOrderEvents", new() { AccountId = TestNode.Own }, _trader);
        await events.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(30));
        var ack = await Call<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Market(TestNode.Own, "m-1", Side.Buy, 10));
        Assert.Equal(OrderStatus.Accepted, ack.Status);
        Assert.True(await events.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        var fill = events.ResponseStream.Current;
        Assert.Equal(OrderStatus.Filled, fill.Status);
        Assert.Equal(ack.OrderId, fill.Order.OrderId);
        Assert.Equal(TestNode.Own, fill.AccountId);
        Assert.Equal(10, fill.Trade.Quantity.Units);
    }

    [Fact]
    public async Task PlaceOrder_SameClientOrderIdTwice_ReturnsTheFirstAck()
    {
        var first = await Call<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Limit(TestNode.Own, "dup-1", 1, 100));
        var second = await Call<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Limit(TestNode.Own, "dup-1", 1, 100));
        Assert.Equal(first.OrderId, second.OrderId);
    }

    [Fact]
    public async Task ModifyAndCancel_OpenLimitOrder_ChangesAndCancelsIt()
    {
        var ack = await Call<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Limit(TestNode.Own, "l-1", 5, 90));
        var modified = await Call<ModifyOrderRequest, OrderAck>("Orders/ModifyOrder", new() { AccountId = TestNode.Own, OrderId = ack.OrderId, Quantity = Dec(7) });
        Assert.Equal(OrderStatus.Open, modified.Status);
        var order = await Call<GetOrderRequest, Order>("Orders/GetOrder", new() { AccountId = TestNode.Own, OrderId = ack.OrderId });
        Assert.Equal(7, order.Quantity.Units);
        var canceled = await Call<CancelOrderRequest, OrderAck>("Orders/CancelOrder", new() { AccountId = TestNode.Own, OrderId = ack.OrderId });
        Assert.Equal(OrderStatus.Canceled, canceled.Status);
        var open = await Call<ListOrdersRequest, ListOrdersResponse>("Orders/ListOrders", new() { AccountId = TestNode.Own, OpenOnly = true });
        Assert.DoesNotContain(open.Orders, o => o.OrderId == ack.OrderId);
    }

    [Fact]
    public async Task PlaceOrder_HaltedAccount_IsDeniedWithReasonUntilResumed()
    {
        var halted = await Call<HaltRequest, TradingStateChanged>("Accounts/Halt", new() { AccountId = TestNode.Own, Mode = TradingState.Halted, Reason = "test" });
        Assert.Equal(TradingState.Halted, halted.State);
        var denied = await Call<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Market(TestNode.Own, "h-1", Side.Buy, 1));
        Assert.Equal(OrderStatus.Denied, denied.Status);
        Assert.Equal(DenialReason.TradingHalted, denied.DenialReason);
        await Call<ResumeRequest, TradingStateChanged>("Accounts/Resume", new() { AccountId = TestNode.Own });
        var accepted = await Call<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Market(TestNode.Own, "h-2", Side.Buy, 1));
        Assert.Equal(OrderStatus.Accepted, accepted.Status);
    }

    [Fact]
    public async Task PlaceOrder_AboveTheCash_IsDeniedNamingTheNumbers()
    {
        var denied = await Call<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Market(TestNode.Own, "big-1", Side.Buy, 1_000_000));
        Assert.Equal(DenialReason.InsufficientFunds, denied.DenialReason);
        Assert.Contains("100000000", denied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActorFailure_IsTheGrpcStatusOfTheSameName()
    {
        var missing = await Assert.ThrowsAsync<RpcException>(() => Call<GetOrderRequest, Order>("Orders/GetOrder", new() { AccountId = TestNode.Own, OrderId = "o-999" }));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Contains("order_id", missing.Status.Detail, StringComparison.Ordinal);
        var exists = await Assert.ThrowsAsync<RpcException>(() => _node.Client.Unary<CreateAccountRequest, Account>("Accounts/CreateAccount", new() { AccountId = TestNode.Own }, TestNode.AdminKey));
        Assert.Equal(StatusCode.AlreadyExists, exists.StatusCode);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => _node.Client.Unary<GetAccountRequest, Account>("Accounts/GetAccount", new() { AccountId = "nobody" }, TestNode.AdminKey));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task ClosePosition_AfterAFill_FlattensThePortfolio()
    {
        await Call<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Market(TestNode.Own, "p-1", Side.Buy, 3, "NSE:INFY"));
        var before = await Call<GetPortfolioRequest, PortfolioSnapshot>("Portfolio/GetPortfolio", new() { AccountId = TestNode.Own });
        Assert.Contains(before.Positions, p => p.Symbol == "NSE:INFY" && p.Quantity.Units == 3);
        var close = await Call<ClosePositionRequest, OrderAck>("Portfolio/ClosePosition", new() { AccountId = TestNode.Own, Symbol = "NSE:INFY", Product = Product.Mis });
        Assert.Equal(OrderStatus.Accepted, close.Status);
        var after = await Call<GetPortfolioRequest, PortfolioSnapshot>("Portfolio/GetPortfolio", new() { AccountId = TestNode.Own });
        Assert.DoesNotContain(after.Positions, p => p.Symbol == "NSE:INFY");
    }

    [Fact]
    public async Task ListAccounts_NonAdmin_SeesOnlyItsAccounts()
    {
        var asAdmin = await _node.Client.Unary<ListAccountsRequest, ListAccountsResponse>("Accounts/ListAccounts", new(), TestNode.AdminKey);
        Assert.Contains(asAdmin.Accounts, a => a.AccountId == TestNode.Foreign);
        var asViewer = await _node.Client.Unary<ListAccountsRequest, ListAccountsResponse>("Accounts/ListAccounts", new(), _node.Keys[Role.Viewer]);
        Assert.Equal([TestNode.Own], asViewer.Accounts.Select(a => a.AccountId));
    }

    [Fact]
    public async Task Cluster_ListMembersAndLocate_NameThisNode()
    {
        var members = await _node.Client.Unary<ListMembersRequest, ListMembersResponse>("Cluster/ListMembers", new(), TestNode.AdminKey);
        var self = Assert.Single(members.Members);
        Assert.Equal("test-node", self.NodeId);
        var location = await _node.Client.Unary<LocateAccountRequest, AccountLocation>("Cluster/LocateAccount", new() { AccountId = TestNode.Own }, TestNode.AdminKey);
        Assert.Equal("test-node", location.NodeId);
    }
}
