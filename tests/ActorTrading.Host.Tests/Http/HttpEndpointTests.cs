using System.Net;
using System.Net.Http.Json;
using System.Text;
using ActorTrading.Api.V1;
using ActorTrading.Host.Tests.Support;
using Grpc.Health.V1;
using ActorTrading.Grpc;

namespace ActorTrading.Host.Tests.Http;

/// <summary>Health, readiness, metrics and the TradingView webhook over HTTP/1.1, and gRPC health.</summary>
public sealed class HttpEndpointTests(TestNodeFixture fixture) : IClassFixture<TestNodeFixture>
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task HealthLiveAndReady_RunningNode_AreOk()
    {
        Assert.Equal(HttpStatusCode.OK, (await Node.Http.GetAsync("/health/live")).StatusCode);
        var ready = await Node.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("NOTHING IS DURABLE", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_FeedDown_Is503WithTheReason()
    {
        Node.Core.FeedProblem = "feed stalled";
        try
        {
            var ready = await Node.Http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("feed stalled", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally { Node.Core.FeedProblem = null; }
    }

    [Fact]
    public async Task Metrics_AfterCalls_CountsThemByMethodAndStatus()
    {
        await Node.Client.Unary<ListSymbolsRequest, ListSymbolsResponse>("MarketData/ListSymbols", new(), Node.Keys[Role.Viewer]);
        var response = await Node.Http.GetAsync("/metrics");
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("actortrading_grpc_calls_total{method=\"/actortrading.v1.MarketData/ListSymbols\",status=\"OK\"}", text, StringComparison.Ordinal);
        Assert.Contains("actortrading_runtime_mailbox_depth", text, StringComparison.Ordinal);
        Assert.Contains("actortrading_journal_commit_duration_seconds_bucket", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrpcHealth_EveryService_IsServing()
    {
        var check = Method.Create<HealthCheckRequest, HealthCheckResponse>(HealthReflection.Descriptor.Services[0], "Check");
        foreach (var service in Host.Http.Readiness.ServiceNames)
        {
            var reply = await Node.Client.Client.UnaryAsync(check, new HealthCheckRequest { Service = service });
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        }
    }

    [Fact]
    public async Task Webhook_ValidAlert_BecomesASignalOrder()
    {
        var instance = await Node.Client.Unary<StartStrategyRequest, StrategyInstance>("Strategies/StartStrategy",
            new() { AccountId = TestNode.Own, Type = "signal_follower", InstanceName = "tv-1", Symbols = { "NSE:TCS" } }, Node.Keys[Role.Trader]);
        var response = await Node.Http.PostAsync($"/webhooks/tradingview/{instance.WebhookToken}",
            new StringContent("""{"symbol":"TCS","action":"buy","quantity":"2","stop_loss":90}""", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("\"status\":\"Accepted\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("""{"action":"buy"}""", "symbol")]
    [InlineData("""{"symbol":"NSE:TCS","action":"hold"}""", "action")]
    [InlineData("""{"symbol":"NSE:TCS","action":"sell","quantity":"lots"}""", "quantity")]
    [InlineData("""{"symbol":"NSE:NOPE","action":"sell"}""", "symbol")]
    public async Task Webhook_BadAlert_Is400WithTheReason(string json, string reason)
    {
        var instance = await Node.Client.Unary<StartStrategyRequest, StrategyInstance>("Strategies/StartStrategy",
            new() { AccountId = TestNode.Own, Type = "signal_follower", InstanceName = "tv-bad-" + Math.Abs(json.GetHashCode()), Symbols = { "NSE:TCS" } }, Node.Keys[Role.Trader]);
        var response = await Node.Http.PostAsync($"/webhooks/tradingview/{instance.WebhookToken}", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_UnknownToken_Is404()
    {
        var response = await Node.Http.PostAsync("/webhooks/tradingview/nope", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
