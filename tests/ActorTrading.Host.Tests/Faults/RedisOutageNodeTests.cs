using System.Net.Http.Json;
using System.Text.Json;
using ActorTrading.Api.V1;
using ActorTrading.Host.Tests.EndToEnd;
using ActorTrading.Host.Tests.Support;

namespace ActorTrading.Host.Tests.Faults;

/// <summary>
/// Issue 5, "losing Redis loses no data", through a node process: with its Redis stopped the node stays ready, says
/// <c>degraded</c> on /health/ready, and keeps trading (quotes from the symbol actors, rate limits from the gateway's local
/// bucket, keys from PostgreSQL); when Redis returns the node leaves degraded mode by itself.
/// </summary>
public sealed class RedisOutageNodeTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(90);
    private const string Key = NodeProcess.AdminKey;

    private static async Task<(bool Ready, bool Degraded)> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/health/ready");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.IsSuccessStatusCode && body.GetProperty("ready").GetBoolean(), body.GetProperty("degraded").GetBoolean());
    }

    /// <summary>Reads /health/ready until it says <paramref name="degraded"/> (the node notices on its next Redis command:
    /// the simulated feed writes quotes many times a second), failing after the guard.</summary>
    private static async Task UntilDegraded(HttpClient http, bool degraded)
    {
        using var guard = new CancellationTokenSource(Guard);
        (bool Ready, bool Degraded) health;
        while ((health = await HealthAsync(http)).Degraded != degraded)
            Assert.False(guard.IsCancellationRequested, $"/health/ready still says degraded={health.Degraded}");
        Assert.True(health.Ready, "a node without Redis must stay ready: no data depends on it");
    }

    [Fact]
    public async Task RedisStopped_NodeSaysDegradedKeepsTradingAndRecoversByItself()
    {
        Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")),
            "ConnectionStrings__Postgres is not set: run scripts/test.sh, or scripts/dev-services.sh and export what it prints");
        await using var redis = await PrivateRedis.StartAsync();
        await using var node = await NodeProcess.StartAsync(durable: true, "--node-id", "e2e-redis-down", "--market-hours", "false",
            "--ConnectionStrings:Redis", redis.Configuration, "--Node:Feed:TicksPerSecond", "50");
        using var http = new HttpClient { BaseAddress = new Uri(node.HttpUrl) };
        using var client = new ApiClient(node.GrpcUrl);
        var account = "redis-" + Guid.NewGuid().ToString("N")[..10];
        await client.Unary<CreateAccountRequest, Account>("Accounts/CreateAccount", new() { AccountId = account, DisplayName = account, InitialCash = Messages.Dec(1_000_000) }, Key);
        await UntilDegraded(http, false);

        await redis.StopAsync();
        await UntilDegraded(http, true);

        var quote = await client.Unary<GetQuoteRequest, Tick>("MarketData/GetQuote", new() { Symbol = "NSE:TCS" }, Key);
        Assert.True(quote.Last.Units > 0);
        var ack = await client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Messages.Market(account, "while-down", Side.Buy, 1), Key);
        Assert.True(ack.Status == OrderStatus.Accepted, ack.ToString());

        await redis.StartAgainAsync();
        await UntilDegraded(http, false);
        var order = await client.Unary<GetOrderRequest, Order>("Orders/GetOrder", new() { AccountId = account, OrderId = ack.OrderId }, Key);
        Assert.Equal("while-down", order.ClientOrderId);
    }
}
