using ActorTrading.Api.V1;
using ActorTrading.Host.Tests.Support;
using ActorTrading.Grpc;
using static ActorTrading.Host.Tests.Support.Messages;

namespace ActorTrading.Host.Tests.Api;

/// <summary>ListOrders/ListTrades paging through the API against the real trading actors: the token of a page is accepted back.</summary>
public sealed class OrderPagingTests : IAsyncLifetime
{
    private const string Account = "paging-1";
    private TestNode _node = null!;

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync(realCore: true, "--Node:Feed:TicksPerSecond", "50");
        await _node.Client.Unary<CreateAccountRequest, Account>("Accounts/CreateAccount",
            new() { AccountId = Account, DisplayName = "paging", InitialCash = Dec(1_000_000) }, TestNode.AdminKey);
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task ListOrders_PageTokenOfThePreviousPage_NextPageNewestFirstUntilTheEnd()
    {
        var placed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var ack = await _node.Client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Market(Account, $"big-{i}", Side.Buy, 100_000), TestNode.AdminKey);
            Assert.True(ack.Status == OrderStatus.Denied, ack.ToString());
            placed.Add(ack.OrderId);
        }
        var listed = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await _node.Client.Unary<ListOrdersRequest, ListOrdersResponse>("Orders/ListOrders",
                new() { AccountId = Account, PageSize = 1, PageToken = token }, TestNode.AdminKey);
            listed.AddRange(page.Orders.Select(o => o.OrderId));
            token = page.NextPageToken;
            pages++;
        } while (token.Length > 0 && pages < 10);
        placed.Reverse();
        Assert.Equal(placed, listed);

        var trades = await _node.Client.Unary<ListTradesRequest, ListTradesResponse>("Orders/ListTrades",
            new() { AccountId = Account, PageSize = 1, PageToken = "1" }, TestNode.AdminKey);
        Assert.Empty(trades.Trades);
        var bad = await Assert.ThrowsAsync<RpcException>(() => _node.Client.Unary<ListOrdersRequest, ListOrdersResponse>("Orders/ListOrders",
            new() { AccountId = Account, PageToken = "not-a-token" }, TestNode.AdminKey));
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
    }
}
