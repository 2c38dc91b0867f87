using System.Collections.Concurrent;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Tests.EndToEnd;
using ActorTrading.Host.Tests.Support;

namespace ActorTrading.Host.Tests.Faults;

/// <summary>
/// Issue 5's SIGKILL fault: a durable node (PostgreSQL + Redis) trading through the OpenAlgo adapter against a broker
/// outside the node (<see cref="FakeOpenAlgo"/>) is killed during a burst — some orders only queued, some at the broker
/// without the node knowing — and restarted on the same database (one of the test's own: <see cref="OwnDatabase"/>).
/// The burst is bounded (<see cref="BurstPerWorker"/>) so every acknowledged order fits the gateway's queue and one page
/// of ListOrders: what is under test is the kill, not the queue bound.
/// </summary>
public sealed class SigkillTests
{
    private const string Key = NodeProcess.AdminKey;

    [Fact]
    public async Task Sigkill_DuringABurst_RestartKeepsEveryAckAndFillAndPlacesNoOrderTwice()
    {
        Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")),
            "ConnectionStrings__Postgres is not set: run scripts/test.sh, or scripts/dev-services.sh and export what it prints");
        await using var database = await OwnDatabase.CreateAsync("kill");
        await using var broker = await FakeOpenAlgo.StartAsync();
        string[] args = ["--ConnectionStrings:Postgres", database.ConnectionString, "--node-id", "e2e-kill", "--broker", "openalgo", "--broker-url", broker.Url, "--Node:Broker:ApiKey", FakeOpenAlgo.ApiKey,
            "--Node:Broker:PollInterval", "00:00:00.050", "--Node:Broker:RequestTimeout", "00:05:00", "--Node:Broker:OrdersPerSecond", "100000",
            "--Node:Broker:OrdersPerMinute", "6000000", "--market-hours", "false", "--Node:Risk:OrdersPerSecond", "100000", "--Node:Risk:MaxOrdersPerDay", "100000", "--Node:Risk:MaxTradesPerDay", "100000"];
        var run = Guid.NewGuid().ToString("N")[..10];
        string[] accounts = [$"kill-{run}-a", $"kill-{run}-b"];
        var acked = new ConcurrentDictionary<(string Account, string OrderId), bool>();

        await using (var first = await NodeProcess.StartAsync(durable: true, args))
        {
            using var client = new ApiClient(first.GrpcUrl);
            foreach (var a in accounts)
                await client.Unary<CreateAccountRequest, Account>("Accounts/CreateAccount", new() { AccountId = a, DisplayName = a, InitialCash = Messages.Dec(100_000_000) }, Key);
            var quote = await client.Unary<GetQuoteRequest, Tick>("MarketData/GetQuote", new() { Symbol = "NSE:TCS" }, Key);
            broker.FillPrice = ProtoDecimal.FromProto(quote.Last);
            for (var i = 0; i < 5; i++)   // the ordinary path: acknowledged by the broker, filled by polling
                foreach (var a in accounts) Record(acked, a, await client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Messages.Market(a, $"warm-{i}", Side.Buy, 1), Key));

            broker.Hold = true;   // from now on the broker takes orders but the node never hears back
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 6).Select(w => Task.Run(() => BurstAsync(client, accounts[w % 2], w, acked, stop.Token))).ToArray();
            await broker.HeldEnough.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await BurstAcked.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await first.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60));
        }
        broker.Hold = false;
        Assert.True(acked.Count >= accounts.Length * 5 + BurstTarget, $"only {acked.Count} orders were acknowledged before the kill");

        await using var second = await NodeProcess.StartAsync(durable: true, args);
        using var again = new ApiClient(second.GrpcUrl);
        var brokerIds = new List<string>();
        var orderCount = 0;
        foreach (var a in accounts)
        {
            var orders = await SettledAsync(again, a);
            orderCount += orders.Count;
            var trades = (await again.Unary<ListTradesRequest, ListTradesResponse>("Orders/ListTrades", new() { AccountId = a, PageSize = 1000 }, Key)).Trades;
            var portfolio = await again.Unary<GetPortfolioRequest, PortfolioSnapshot>("Portfolio/GetPortfolio", new() { AccountId = a }, Key);
            var position = portfolio.Positions.Where(p => p.Symbol == "NSE:TCS").Sum(p => ProtoDecimal.FromProto(p.Quantity));
            Assert.Equal(trades.Sum(t => (t.Side == Side.Buy ? 1 : -1) * ProtoDecimal.FromProto(t.Quantity)), position);

            var byId = orders.ToDictionary(o => o.OrderId);
            foreach (var (account, orderId) in acked.Keys.Where(k => k.Account == a))
            {
                Assert.True(byId.TryGetValue(orderId, out var o), $"acknowledged order {orderId} of {account} is gone");
                Assert.Equal(OrderStatus.Filled, o!.Status);
            }
            foreach (var o in orders)
            {
                var fills = trades.Where(t => t.OrderId == o.OrderId).ToList();
                Assert.Equal(ProtoDecimal.FromProto(o.Quantity), fills.Sum(t => ProtoDecimal.FromProto(t.Quantity)));
                var reached = fills.Select(t => t.TradeId[..t.TradeId.LastIndexOf('-')]).Distinct().ToList();
                Assert.True(reached.Count == 1, $"order {o.OrderId} of {a} has fills of broker orders {string.Join(", ", reached)}");
                brokerIds.Add(reached[0]);
            }
        }
        // Every broker order is one of ours, and every order reached the broker exactly once.
        var placed = broker.Placed.Select(p => p.OrderId).ToList();
        Assert.True(placed.Order().SequenceEqual(brokerIds.Order()), $"placed {string.Join(",", placed)}; claimed {string.Join(",", brokerIds)}; {string.Join(" | ", broker.Placed.Select(p => p.Body.ToJsonString()))}");
        Assert.Equal(orderCount, placed.Count);
    }

    private const int BurstTarget = 20;
    private const int BurstPerWorker = 40;
    private readonly TaskCompletionSource BurstAcked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _burstAcks;

    private void Record(ConcurrentDictionary<(string Account, string OrderId), bool> acked, string account, OrderAck ack)
    {
        Assert.True(ack.Status == OrderStatus.Accepted, ack.ToString());
        acked[(account, ack.OrderId)] = true;
        if (ack.ClientOrderId.StartsWith("burst-", StringComparison.Ordinal) && Interlocked.Increment(ref _burstAcks) >= BurstTarget) BurstAcked.TrySetResult();
    }

    private async Task BurstAsync(ApiClient client, string account, int worker, ConcurrentDictionary<(string Account, string OrderId), bool> acked, CancellationToken stop)
    {
        for (var i = 0; i < BurstPerWorker && !stop.IsCancellationRequested; i++)
        {
            try
            {
                Record(acked, account, await client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Messages.Market(account, $"burst-{worker}-{i}", Side.Buy, 1), Key));
            }
            catch (RpcException)
            {
                return;   // the node is gone: this call was never acknowledged
            }
        }
    }

    /// <summary>The account's orders once none is working any more; the order stream paces the re-reads (no sleeping).</summary>
    private static async Task<List<Order>> SettledAsync(ApiClient client, string account)
    {
        using var events = client.Stream<StreamOrderEventsRequest, OrderEvent>("Orders/StreamOrderEvents", new() { AccountId = account }, Key);
        await events.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(60));
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var orders = (await client.Unary<ListOrdersRequest, ListOrdersResponse>("Orders/ListOrders", new() { AccountId = account, PageSize = 1000 }, Key)).Orders.ToList();
            var working = orders.Where(o => o.Status is OrderStatus.Accepted or OrderStatus.Open or OrderStatus.PartiallyFilled).ToList();
            if (working.Count == 0) return orders;
            Assert.True(DateTime.UtcNow < deadline, $"{account}: still working after restart: {string.Join(", ", working.Select(o => $"{o.OrderId} {o.Status}"))}");
            await events.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        }
    }
}
