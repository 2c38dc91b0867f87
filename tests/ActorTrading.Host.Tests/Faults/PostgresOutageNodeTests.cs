using System.Net;
using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Tests.EndToEnd;
using ActorTrading.Host.Tests.Support;

namespace ActorTrading.Host.Tests.Faults;

/// <summary>
/// Issue 5's PostgreSQL fault through a node process: while its PostgreSQL is down every order is refused UNAVAILABLE
/// (none acknowledged) and /health/ready answers 503 naming the journal; when PostgreSQL returns the node resumes by
/// itself — the same client order id, retried, is accepted once — without a restart, and nothing acknowledged is lost.
/// </summary>
public sealed class PostgresOutageNodeTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(90);
    private const string Key = NodeProcess.AdminKey;

    [Fact]
    public async Task PostgresStopped_OrdersRefusedUnavailableThenNodeResumesByItself()
    {
        await using var pg = await PrivatePostgres.StartAsync();
        await using var node = await NodeProcess.StartAsync(durable: false, "--node-id", "e2e-pg-down", "--market-hours", "false",
            "--ConnectionStrings:Postgres", pg.ConnectionString);
        try
        {
            await OutageAsync(pg, node);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{e.Message}\n--- node:\n{node.Output}", e);   // what the node said, for a failure seen once only
        }
    }

    private static async Task OutageAsync(PrivatePostgres pg, NodeProcess node)
    {
        using var http = new HttpClient { BaseAddress = new Uri(node.HttpUrl) };
        using var client = new ApiClient(node.GrpcUrl);
        const string account = "pg-outage";
        await client.Unary<CreateAccountRequest, Account>("Accounts/CreateAccount", new() { AccountId = account, DisplayName = account, InitialCash = Messages.Dec(1_000_000) }, Key);
        var before = await client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Messages.Market(account, "before", Side.Buy, 1), Key);
        Assert.True(before.Status == OrderStatus.Accepted, before.ToString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        await pg.StopAsync();
        for (var i = 0; i < 3; i++)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() =>
                client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Messages.Market(account, $"during-{i}", Side.Buy, 1), Key));
            Assert.True(refused.StatusCode == StatusCode.Unavailable, refused.Status.ToString());
        }
        using (var ready = await http.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("journal", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await pg.StartAgainAsync();
        var retried = await RetryUntilAcceptedAsync(client, Messages.Market(account, "during-0", Side.Buy, 1));
        Assert.Equal(retried.OrderId, (await client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Messages.Market(account, "during-0", Side.Buy, 1), Key)).OrderId);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        var orders = await client.Unary<ListOrdersRequest, ListOrdersResponse>("Orders/ListOrders", new() { AccountId = account, PageSize = 100 }, Key);
        Assert.Equal(["before", "during-0"], orders.Orders.Select(o => o.ClientOrderId).Order(StringComparer.Ordinal));
    }

    /// <summary>Places the order until it is accepted: UNAVAILABLE while the node's connections to PostgreSQL recover
    /// (each attempt is a real round trip through the account and the journal), failing after the guard.</summary>
    private static async Task<OrderAck> RetryUntilAcceptedAsync(ApiClient client, PlaceOrderRequest order)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            try
            {
                var ack = await client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", order, Key);
                Assert.True(ack.Status == OrderStatus.Accepted, ack.ToString());
                return ack;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && !guard.IsCancellationRequested) { await Task.Yield(); }
        }
    }
}
