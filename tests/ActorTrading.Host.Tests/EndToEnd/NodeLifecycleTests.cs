using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Tests.Support;

namespace ActorTrading.Host.Tests.EndToEnd;

/// <summary>Starting with bad settings, graceful SIGTERM (logged as structured JSON), and a durable node (PostgreSQL + Redis) that keeps its accounts across restarts.</summary>
public sealed class NodeLifecycleTests
{
    [Fact]
    public async Task Start_BadSetting_ExitsWithTheProblem()
    {
        var (code, output) = await ToolRunner.RunAsync("dotnet", [NodeProcess.HostDll, "--feed", "carrier-pigeon", "--urls", "http://127.0.0.1:0"]);
        Assert.Equal(2, code);
        Assert.Contains("Node:Feed:Kind", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_WithAnOpenStream_EndsItAndExitsCleanly()
    {
        await using var node = await NodeProcess.StartAsync(durable: false, "--node-id", "e2e-term");
        using var client = new ApiClient(node.GrpcUrl);
        using var ticks = client.Stream<SubscribeRequest, Tick>("MarketData/Subscribe", new() { Symbols = { "NSE:TCS" } }, NodeProcess.AdminKey);
        Assert.True(await ticks.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60)));
        var exit = node.TerminateAsync();
        var ended = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await ticks.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60))) { }
        });
        Assert.Equal(StatusCode.Unavailable, ended.StatusCode);
        Assert.Equal(0, await exit);
        Assert.Contains("Passivated", node.Output, StringComparison.Ordinal);
        AssertStructuredJsonLog(node.Output, "Passivated");
    }

    /// <summary>The node logs one JSON object per line (level, category, message), e.g. the line that says <paramref name="containing"/>.</summary>
    private static void AssertStructuredJsonLog(string output, string containing)
    {
        var line = output.Split('\n').FirstOrDefault(l => l.Contains(containing, StringComparison.Ordinal));
        Assert.True(line is not null && line.TrimStart().StartsWith('{'), $"no JSON log line with '{containing}':\n{output}");
        using var json = System.Text.Json.JsonDocument.Parse(line);
        foreach (var property in new[] { "LogLevel", "Category", "Message" })
            Assert.True(json.RootElement.TryGetProperty(property, out _), $"the log line has no {property}: {line}");
        Assert.StartsWith("ActorTrading", json.RootElement.GetProperty("Category").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DurableNode_Restarted_KeepsAccountsAndKeys()
    {
        Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")),
            "ConnectionStrings__Postgres is not set: run scripts/test.sh, or scripts/dev-services.sh and export what it prints");
        var account = "dur-" + Guid.NewGuid().ToString("N")[..12];
        string key;
        await using (var first = await NodeProcess.StartAsync(durable: true, "--node-id", "e2e-durable"))
        {
            Assert.Contains("durable: PostgreSQL journal", first.Output, StringComparison.Ordinal);
            using var client = new ApiClient(first.GrpcUrl);
            await client.Unary<CreateAccountRequest, Account>("Accounts/CreateAccount",
                new() { AccountId = account, DisplayName = "durable", InitialCash = Messages.Dec(500_000) }, NodeProcess.AdminKey);
            key = (await client.Unary<CreateApiKeyRequest, ApiKey>("Accounts/CreateApiKey",
                new() { Principal = "dur-viewer", Role = Role.Viewer, AccountIds = { account } }, NodeProcess.AdminKey)).Secret;
            await client.Unary<HaltRequest, TradingStateChanged>("Accounts/Halt", new() { AccountId = account, Mode = TradingState.Halted, Reason = "before restart" }, NodeProcess.AdminKey);
            Assert.Equal(0, await first.TerminateAsync());
        }
        await using var second = await NodeProcess.StartAsync(durable: true, "--node-id", "e2e-durable");
        using var again = new ApiClient(second.GrpcUrl);
        var recovered = await again.Unary<GetAccountRequest, Account>("Accounts/GetAccount", new() { AccountId = account }, key);
        Assert.Equal("durable", recovered.DisplayName);
        Assert.Equal(TradingState.Halted, recovered.State);
        var listed = await again.Unary<ListAccountsRequest, ListAccountsResponse>("Accounts/ListAccounts", new(), key);
        Assert.Equal([account], listed.Accounts.Select(a => a.AccountId));
    }

    [Fact]
    public async Task DurableNode_Restarted_ResolvesWebhookTokensUntilTheStrategyStops()
    {
        Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")),
            "ConnectionStrings__Postgres is not set: run scripts/test.sh, or scripts/dev-services.sh and export what it prints");
        var account = "hook-" + Guid.NewGuid().ToString("N")[..12];
        string token;
        await using (var first = await NodeProcess.StartAsync(durable: true, "--node-id", "e2e-hook", "--market-hours", "false"))
        {
            using var client = new ApiClient(first.GrpcUrl);
            await client.Unary<CreateAccountRequest, Account>("Accounts/CreateAccount",
                new() { AccountId = account, DisplayName = "hook", InitialCash = Messages.Dec(1_000_000) }, NodeProcess.AdminKey);
            token = (await client.Unary<StartStrategyRequest, StrategyInstance>("Strategies/StartStrategy",
                new() { AccountId = account, Type = "signal_follower", InstanceName = "hook-1", Symbols = { "NSE:TCS" } }, NodeProcess.AdminKey)).WebhookToken;
            Assert.Equal(0, await first.TerminateAsync());
        }
        await using var second = await NodeProcess.StartAsync(durable: true, "--node-id", "e2e-hook", "--market-hours", "false");
        using var http = new HttpClient { BaseAddress = new Uri(second.HttpUrl) };
        var bad = await http.PostAsync("/webhooks/tradingview/" + token, new StringContent("{\"symbol\":\"NSE:TCS\",\"action\":\"fly\",\"quantity\":1}"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);   // the token resolved: the alert itself is what is wrong
        using var again = new ApiClient(second.GrpcUrl);
        await again.Unary<StopStrategyRequest, StrategyInstance>("Strategies/StopStrategy", new() { AccountId = account, InstanceName = "hook-1" }, NodeProcess.AdminKey);
        var revoked = await http.PostAsync("/webhooks/tradingview/" + token, new StringContent("{\"symbol\":\"NSE:TCS\",\"action\":\"buy\",\"quantity\":1}"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, revoked.StatusCode);
    }
}
