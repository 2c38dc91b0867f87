using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Tests.Support;

namespace ActorTrading.Host.Tests.EndToEnd;

/// <summary>
/// A real embedded node process driven by three real clients: ours (src/Grpc), python grpcio and @grpc/grpc-js, plus
/// `buf curl` through reflection. Risk denials of every kind are in Api/RealCoreRiskDenialTests (in process, same actors).
/// </summary>
public sealed class EmbeddedNodeTests(EmbeddedNodeFixture fixture) : IClassFixture<EmbeddedNodeFixture>
{
    private NodeProcess Node => fixture.Node;

    [Fact]
    public async Task Session_OurClient_CreatesTradesStateAndStreams()
    {
        using var client = new ApiClient(Node.GrpcUrl);
        const string account = "cs-1";
        var created = await client.Unary<CreateAccountRequest, Account>("Accounts/CreateAccount",
            new() { AccountId = account, DisplayName = "C#", InitialCash = Messages.Dec(1_000_000) }, NodeProcess.AdminKey);
        Assert.Equal("e2e-embedded", created.NodeId);
        var trader = (await client.Unary<CreateApiKeyRequest, ApiKey>("Accounts/CreateApiKey",
            new() { Principal = "cs-trader", Role = Role.Trader, AccountIds = { account } }, NodeProcess.AdminKey)).Secret;

        using (var ticks = client.Stream<SubscribeRequest, Tick>("MarketData/Subscribe", new() { Symbols = { "NSE:RELIANCE", "NSE:ICICIBANK" } }, trader))
        {
            Assert.True(await ticks.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60)));
            Assert.StartsWith("NSE:", ticks.ResponseStream.Current.Symbol, StringComparison.Ordinal);
        }
        var quote = await client.Unary<GetQuoteRequest, Tick>("MarketData/GetQuote", new() { Symbol = "NSE:RELIANCE" }, trader);
        Assert.True(quote.Last.Units > 0);

        var instance = await client.Unary<StartStrategyRequest, StrategyInstance>("Strategies/StartStrategy",
            new() { AccountId = account, Type = "signal_follower", InstanceName = "cs-signals", Symbols = { "NSE:TCS" } }, trader);
        Assert.True(instance.Running);
        var halted = await client.Unary<HaltRequest, TradingStateChanged>("Accounts/Halt", new() { AccountId = account, Mode = TradingState.Halted, Reason = "e2e" }, trader);
        Assert.Equal(TradingState.Halted, halted.State);
        var denied = await client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Messages.Market(account, "cs-halted", Side.Buy, 1), trader);
        Assert.Equal(DenialReason.TradingHalted, denied.DenialReason);
        var resumed = await client.Unary<ResumeRequest, TradingStateChanged>("Accounts/Resume", new() { AccountId = account }, trader);
        Assert.Equal(TradingState.Active, resumed.State);
        using (var events = client.Stream<StreamOrderEventsRequest, OrderEvent>("Orders/StreamOrderEvents", new() { AccountId = account }, trader))
        {
            await events.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(30));
            var bought = await client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Messages.Market(account, "cs-buy", Side.Buy, 3), trader);
            Assert.True(bought.Status == OrderStatus.Accepted, bought.ToString());
            var fill = await NextAsync(events.ResponseStream, e => e.Order.OrderId == bought.OrderId && e.Status == OrderStatus.Filled);
            var last = Actors.Model.ProtoDecimal.FromProto(fill.Trade.Price);
            var resting = await client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder",
                new PlaceOrderRequest(Messages.Limit(account, "cs-limit", 2, 0)) { LimitPrice = Actors.Model.ProtoDecimal.ToProto(decimal.Round(last * 0.97m / 0.05m) * 0.05m) }, trader);
            Assert.Equal(OrderStatus.Accepted, resting.Status);
            await client.Unary<ModifyOrderRequest, OrderAck>("Orders/ModifyOrder", new() { AccountId = account, OrderId = resting.OrderId, Quantity = Messages.Dec(4) }, trader);
            await client.Unary<CancelOrderRequest, OrderAck>("Orders/CancelOrder", new() { AccountId = account, OrderId = resting.OrderId }, trader);
            await NextAsync(events.ResponseStream, e => e.Order.OrderId == resting.OrderId && e.Status == OrderStatus.Canceled);
            var held = await client.Unary<GetPortfolioRequest, PortfolioSnapshot>("Portfolio/GetPortfolio", new() { AccountId = account }, trader);
            Assert.Contains(held.Positions, p => p.Symbol == "NSE:TCS" && p.Quantity.Units == 3);
            var closing = await client.Unary<CloseAllPositionsRequest, CloseAllPositionsResponse>("Portfolio/CloseAllPositions", new() { AccountId = account }, trader);
            Assert.Single(closing.Acks);
            var orders = await client.Unary<ListOrdersRequest, ListOrdersResponse>("Orders/ListOrders", new() { AccountId = account }, trader);
            Assert.True(orders.Orders.Count >= 3);
        }
        var stopped = await client.Unary<StopStrategyRequest, StrategyInstance>("Strategies/StopStrategy", new() { AccountId = account, InstanceName = "cs-signals" }, trader);
        Assert.False(stopped.Running);

        var foreign = await Assert.ThrowsAsync<RpcException>(() => client.Unary<GetAccountRequest, Account>("Accounts/GetAccount", new() { AccountId = "py-1" }, trader));
        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
        var audit = await client.Unary<ListAuditEventsRequest, ListAuditEventsResponse>("Accounts/ListAuditEvents", new() { AccountId = account }, trader);
        Assert.Contains(audit.Events, e => e.Action == "Accounts.Halt" && e.Principal == "cs-trader" && e.Outcome == "OK");
    }

    private static async Task<OrderEvent> NextAsync(IAsyncStreamReader<OrderEvent> stream, Func<OrderEvent, bool> wanted)
    {
        while (await stream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60)))
            if (wanted(stream.Current)) return stream.Current;
        throw new InvalidOperationException("the order event stream ended");
    }

    [Fact]
    public async Task Session_PythonGrpcio_Passes()
    {
        var (code, output) = await ToolRunner.RunAsync("/usr/bin/python3",
            ["tests/python/node_session.py", "--target", Node.GrpcTarget, "--key", NodeProcess.AdminKey, "--account", "py-1",
             "--protoset", Path.Combine(Path.GetDirectoryName(NodeProcess.HostDll)!, "actortrading.protoset")]);
        Assert.True(code == 0 && output.Contains("SESSION OK", StringComparison.Ordinal), output);
    }

    [Fact]
    public async Task Session_GrpcJs_Passes()
    {
        Assert.True(Directory.Exists(Path.Combine(NodeProcess.RepoRoot, "tests", "node", "node_modules", "@grpc")),
            "tests/node/node_modules is missing: run `npm ci` in tests/node (scripts/test.sh does)");
        var (code, output) = await ToolRunner.RunAsync("node", ["tests/node/node_session.js", "--target", Node.GrpcTarget, "--key", NodeProcess.AdminKey, "--account", "js-1"]);
        Assert.True(code == 0 && output.Contains("SESSION OK", StringComparison.Ordinal), output);
    }

    [Fact]
    public async Task BufCurl_ReflectionAndHealth_Answer()
    {
        var buf = Path.Combine(NodeProcess.RepoRoot, "tests", "node", "node_modules", ".bin", "buf");
        Assert.True(File.Exists(buf), "tests/node/node_modules/.bin/buf is missing: run `npm ci` in tests/node (scripts/test.sh does)");
        var (code, services) = await ToolRunner.RunAsync(buf, ["curl", "--protocol", "grpc", "--http2-prior-knowledge", "--list-services", Node.GrpcUrl]);
        Assert.True(code == 0, services);
        foreach (var s in new[] { "actortrading.v1.Accounts", "actortrading.v1.Orders", "actortrading.v1.Portfolio", "actortrading.v1.MarketData",
                     "actortrading.v1.Strategies", "actortrading.v1.Cluster", "grpc.health.v1.Health" })
            Assert.Contains(s, services, StringComparison.Ordinal);
        var (healthCode, health) = await ToolRunner.RunAsync(buf, ["curl", "--protocol", "grpc", "--http2-prior-knowledge", "-d", "{\"service\":\"actortrading.v1.Orders\"}",
            Node.GrpcUrl + "/grpc.health.v1.Health/Check"]);
        Assert.True(healthCode == 0 && health.Contains("SERVING", StringComparison.Ordinal), health);
        var (listCode, symbols) = await ToolRunner.RunAsync(buf, ["curl", "--protocol", "grpc", "--http2-prior-knowledge", "-H", "authorization: Bearer " + NodeProcess.AdminKey,
            Node.GrpcUrl + "/actortrading.v1.MarketData/ListSymbols"]);
        Assert.True(listCode == 0 && symbols.Contains("NSE:ICICIBANK", StringComparison.Ordinal), symbols);
    }

    [Fact]
    public async Task Http_HealthMetricsOverHttp1_Answer()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Node.HttpUrl) };
        Assert.Equal("live\n", await http.GetStringAsync("/health/live"));
        var ready = await http.GetAsync("/health/ready");
        Assert.True(ready.IsSuccessStatusCode, await ready.Content.ReadAsStringAsync());
        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("actortrading_node_active_actors", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE actortrading_grpc_calls_total counter", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AfterAnOrderFills_EverySeriesIsThere()
    {
        using var client = new ApiClient(Node.GrpcUrl);
        const string account = "metrics-1";
        await client.Unary<CreateAccountRequest, Account>("Accounts/CreateAccount",
            new() { AccountId = account, DisplayName = "metrics", InitialCash = Messages.Dec(1_000_000) }, NodeProcess.AdminKey);
        using var events = client.Stream<StreamOrderEventsRequest, OrderEvent>("Orders/StreamOrderEvents", new() { AccountId = account }, NodeProcess.AdminKey);
        await events.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(60));
        var ack = await client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Messages.Market(account, "m-1", Side.Buy, 1), NodeProcess.AdminKey);
        Assert.True(ack.Status == OrderStatus.Accepted, ack.ToString());
        while (await events.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60)) && events.ResponseStream.Current.Status != OrderStatus.Filled) { }

        using var http = new HttpClient { BaseAddress = new Uri(Node.HttpUrl) };
        var metrics = await http.GetStringAsync("/metrics");
        foreach (var series in new[]
                 {
                     "actortrading_grpc_calls_total{method=\"/actortrading.v1.Orders/PlaceOrder\",status=\"OK\"}",
                     "actortrading_orders_total{outcome=\"ACCEPTED\"}",
                     "actortrading_gateway_queue_depth{gateway=\"paper\"}",
                     "# TYPE actortrading_gateway_rate_limit_denials_total counter",
                     "actortrading_feed_ticks",
                     "actortrading_journal_commit_duration_seconds_bucket",
                     "actortrading_runtime_mailbox_depth",
                     "actortrading_node_active_actors",
                 })
            Assert.True(metrics.Contains(series, StringComparison.Ordinal), $"{series} missing from /metrics:\n{metrics}");
        Assert.True(Value(metrics, "actortrading_orders_total{outcome=\"ACCEPTED\"}") >= 1, metrics);
        Assert.True(Value(metrics, "actortrading_node_active_accounts") >= 1, metrics);
        Assert.True(Value(metrics, "actortrading_journal_commit_duration_seconds_count") >= 1, metrics);
    }

    /// <summary>The sample of a series without further labels (first match), e.g. <c>name 3</c>.</summary>
    private static double Value(string metrics, string series)
    {
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal))
                   ?? throw new Xunit.Sdk.XunitException($"{series} missing from /metrics:\n{metrics}");
        return double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
