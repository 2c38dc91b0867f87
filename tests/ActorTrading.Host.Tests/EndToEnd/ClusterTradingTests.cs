using System.Net;
using System.Net.Sockets;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Tests.Support;
using ActorTrading.Runtime.Cluster;
using Google.Protobuf.WellKnownTypes;
using static ActorTrading.Host.Tests.Support.Messages;
using ClusterMember = ActorTrading.Runtime.Cluster.Member;

namespace ActorTrading.Host.Tests.EndToEnd;

/// <summary>
/// Three real node processes in cluster mode (one PostgreSQL, one Redis): an account owned by node B is traded through
/// nodes A and C — orders filled and reported on an order stream subscribed through a non-owner, a resting limit order
/// modified and canceled, the same portfolio through every node, a risk denial, and a stream that ends when its client
/// cancels. Each node has its own feed and broker connection, so every price is published to every node. The nodes
/// authenticate each other with a dedicated cluster secret (ClusterTests covers the admin-key fallback).
/// </summary>
public sealed class ClusterTradingTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(90);
    private const decimal Price = 100m;
    private const string Key = NodeProcess.AdminKey;

    private static async Task<NodeProcess> StartMember(string id, string cluster)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0)) { listener.Start(); port = ((IPEndPoint)listener.LocalEndpoint).Port; }
        return await NodeProcess.StartAsync(true, "--node-id", id, "--urls", $"http://127.0.0.1:{port}", "--advertise", $"127.0.0.1:{port}",
            "--cluster-name", cluster, "--feed", "none", "--market-hours", "false", "--cluster-secret", "e2e-cluster-secret-0123456789");
    }

    /// <summary>Retries while the answer is UNAVAILABLE (a member is joining or an account moving), until the guard.</summary>
    private static async Task<T> Eventually<T>(Func<Task<T>> call)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            try { return await call(); }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && !guard.IsCancellationRequested) { await Task.Yield(); }
        }
    }

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds, failing after the guard.</summary>
    private static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            var value = await Eventually(probe);
            if (done(value)) return value;
            Assert.False(guard.IsCancellationRequested, $"timed out waiting for {what}; last: {value}");
            await Task.Yield();
        }
    }

    private static async Task PublishAsync(ApiClient client, long sequence)
    {
        using var call = client.Upload<Tick, PublishTicksResponse>("MarketData/PublishTicks", Key);
        var one = ProtoDecimal.ToProto(Price);
        await call.RequestStream.WriteAsync(new Tick
        {
            Symbol = "NSE:TCS", Bid = one, Ask = one, Last = one, Volume = 1_000_000, Time = Timestamp.FromDateTime(DateTime.UtcNow), Sequence = sequence,
        });
        await call.RequestStream.CompleteAsync();
        Assert.Equal(1, (await call.ResponseAsync.WaitAsync(Guard)).Accepted);
    }

    private static async Task<OrderEvent> NextUntil(AsyncServerStreamingCall<OrderEvent> events, string orderId, params OrderStatus[] statuses)
    {
        while (true)
        {
            Assert.True(await events.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard), "the order stream ended");
            var e = events.ResponseStream.Current;
            if (e.Order.OrderId == orderId && statuses.Contains(e.Status)) return e;
        }
    }

    [Fact]
    public async Task AccountOwnedByB_TradedThroughAAndC_BehavesAsOnOneNode()
    {
        Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Redis")),
            "ConnectionStrings__Redis is not set: run scripts/test.sh, or scripts/dev-services.sh and export what it prints");
        var cluster = "tr" + Guid.NewGuid().ToString("N")[..8];
        await using var a = await StartMember("t-a", cluster);
        await using var b = await StartMember("t-b", cluster);
        await using var c = await StartMember("t-c", cluster);
        using var viaA = new ApiClient(a.GrpcUrl);
        using var viaB = new ApiClient(b.GrpcUrl);
        using var viaC = new ApiClient(c.GrpcUrl);
        ApiClient[] all = [viaA, viaB, viaC];
        try
        {
            await TradeAsync(all);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{e.Message}\n--- node A:\n{a.Output}\n--- node B:\n{b.Output}\n--- node C:\n{c.Output}", e);
        }
    }

    private static async Task TradeAsync(ApiClient[] all)
    {
        var viaA = all[0];
        var cluster = "tr" + Guid.NewGuid().ToString("N")[..8];
        foreach (var client in all)
            await Until(() => client.Unary<ListMembersRequest, ListMembersResponse>("Cluster/ListMembers", new(), Key), r => r.Members.Count == 3, "3 members");
        ClusterMember[] members = [new("t-a", "a"), new("t-b", "b"), new("t-c", "c")];
        var account = Enumerable.Range(0, 1000).Select(i => $"{cluster}-{i}")
            .First(id => RendezvousPlacementStrategy.Instance.Place(new ClusterIdentity("account", id), members).Id == "t-b");
        // a feeder publishes every price to every member, at the addresses the cluster lists (ticks never cross nodes)
        var listed = await viaA.Unary<ListMembersRequest, ListMembersResponse>("Cluster/ListMembers", new(), Key);
        var feeders = listed.Members.Select(m => new ApiClient("http://" + m.Address)).ToArray();
        try
        {
            await TradeWithFeedersAsync(all, account, feeders);
        }
        finally
        {
            foreach (var f in feeders) f.Dispose();
        }
    }

    private static async Task TradeWithFeedersAsync(ApiClient[] all, string account, ApiClient[] feeders)
    {
        var (viaA, viaC) = (all[0], all[2]);
        Assert.Equal(all.Length, feeders.Length);
        for (var i = 0; i < feeders.Length; i++) await PublishAsync(feeders[i], 1);

        await Eventually(() => viaA.Unary<CreateAccountRequest, Account>("Accounts/CreateAccount",
            new() { AccountId = account, DisplayName = account, InitialCash = Dec(1_000_000) }, Key));
        foreach (var client in all)
            Assert.Equal("t-b", (await Eventually(() => client.Unary<LocateAccountRequest, AccountLocation>("Cluster/LocateAccount", new() { AccountId = account }, Key))).NodeId);

        // a market order through A, its fill seen on an order stream subscribed through C
        using var events = viaC.Stream<StreamOrderEventsRequest, OrderEvent>("Orders/StreamOrderEvents", new() { AccountId = account }, Key);
        await events.ResponseHeadersAsync.WaitAsync(Guard);
        var buy = await Eventually(() => viaA.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Market(account, "buy-1", Side.Buy, 5), Key));
        Assert.True(buy.Status == OrderStatus.Accepted, buy.ToString());
        await Until(() => viaA.Unary<GetOrderRequest, Order>("Orders/GetOrder", new() { AccountId = account, OrderId = buy.OrderId }, Key),
            o => o.Status is OrderStatus.Open or OrderStatus.PartiallyFilled or OrderStatus.Filled, "the order at the broker");
        var progressed = await NextUntil(events, buy.OrderId, OrderStatus.Open, OrderStatus.Filled);
        if (progressed.Status == OrderStatus.Open)
        {
            for (var i = 0; i < feeders.Length; i++) await PublishAsync(feeders[i], 2); // the broker got the order before its first price
            progressed = await NextUntil(events, buy.OrderId, OrderStatus.Filled);
        }
        Assert.Equal(5m, ProtoDecimal.FromProto(progressed.Order.FilledQuantity));

        // the same portfolio through every node
        var portfolios = new List<PortfolioSnapshot>();
        foreach (var client in all)
            portfolios.Add(await Until(() => client.Unary<GetPortfolioRequest, PortfolioSnapshot>("Portfolio/GetPortfolio", new() { AccountId = account }, Key),
                p => p.Positions.Any(x => x.Symbol == "NSE:TCS" && ProtoDecimal.FromProto(x.Quantity) == 5), "the filled position"));
        Assert.All(portfolios, p => Assert.Equal(portfolios[0].Positions, p.Positions));
        Assert.All(portfolios, p => Assert.Equal(portfolios[0].Cash, p.Cash));

        // a resting limit order through C, modified through A, canceled through C
        var limit = await Eventually(() => viaC.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder",
            new PlaceOrderRequest(Limit(account, "lim-1", 2, 0)) { LimitPrice = ProtoDecimal.ToProto(Price * 0.97m) }, Key));
        Assert.True(limit.Status == OrderStatus.Accepted, limit.ToString());
        await NextUntil(events, limit.OrderId, OrderStatus.Open);
        var modified = await Eventually(() => viaA.Unary<ModifyOrderRequest, OrderAck>("Orders/ModifyOrder", new() { AccountId = account, OrderId = limit.OrderId, Quantity = Dec(3) }, Key));
        Assert.NotEqual(OrderStatus.Denied, modified.Status);
        await Until(() => viaA.Unary<GetOrderRequest, Order>("Orders/GetOrder", new() { AccountId = account, OrderId = limit.OrderId }, Key),
            o => ProtoDecimal.FromProto(o.Quantity) == 3, "the modified quantity");
        var canceled = await Eventually(() => viaC.Unary<CancelOrderRequest, OrderAck>("Orders/CancelOrder", new() { AccountId = account, OrderId = limit.OrderId }, Key));
        Assert.NotEqual(OrderStatus.Denied, canceled.Status);
        await NextUntil(events, limit.OrderId, OrderStatus.Canceled);

        // a risk denial through A (far more than the cash buys)
        var big = await Eventually(() => viaA.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Market(account, "big-1", Side.Buy, 1_000_000), Key));
        Assert.Equal(OrderStatus.Denied, big.Status);
        Assert.NotEqual(DenialReason.Unspecified, big.DenialReason);

        // a stream through A ends when its client cancels; the account keeps serving the stream through C
        using var cancel = new CancellationTokenSource();
        using var throughA = viaA.Stream<StreamOrderEventsRequest, OrderEvent>("Orders/StreamOrderEvents", new() { AccountId = account }, Key, cancel.Token);
        await throughA.ResponseHeadersAsync.WaitAsync(Guard);
        var pending = throughA.ResponseStream.MoveNext(cancel.Token);
        await cancel.CancelAsync();
        var ended = await Assert.ThrowsAsync<RpcException>(() => pending.WaitAsync(Guard));
        Assert.Equal(StatusCode.Cancelled, ended.StatusCode);
        var after = await Eventually(() => viaA.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Market(account, "sell-1", Side.Sell, 5), Key));
        Assert.True(after.Status == OrderStatus.Accepted, after.ToString());
        await NextUntil(events, after.OrderId, OrderStatus.Filled);
    }
}
