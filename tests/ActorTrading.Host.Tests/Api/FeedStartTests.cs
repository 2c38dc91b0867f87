using Microsoft.Extensions.DependencyInjection;
using ActorTrading.Actors.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Host.Composition;
using ActorTrading.Host.Tests.Support;
using ActorTrading.Runtime.Timing;
using static ActorTrading.Host.Tests.Support.Messages;

namespace ActorTrading.Host.Tests.Api;

/// <summary>
/// The simulated feed's first step happens while the node starts, not on the thread pool some time after it: a client
/// that calls right behind the ready line (tests do, CI on a loaded machine did) finds a quote for every symbol, so its
/// first market order is valued instead of being denied "no last price known".
/// </summary>
public sealed class FeedStartTests
{
    private static readonly string[] Symbols = ["NSE:TCS", "NSE:INFY"];

    [Fact]
    public async Task StartAsync_SimulatedFeed_EverySymbolHoldsAQuoteBeforeTheNodeIsReady()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);   // never moved: the feed takes its first step and no other
        var node = await NodeApplication.BuildAsync(
            ["--urls", "http://127.0.0.1:0", "--http-urls", "", "--admin-key", TestNode.AdminKey, "--node-id", "feed-start",
             "--ConnectionStrings:Postgres", "", "--ConnectionStrings:Redis", "", "--feed", "simulated", "--feed-symbols", string.Join(',', Symbols)],
            b =>
            {
                b.Logging.ClearProviders();
                b.Services.AddSingleton<TimeProvider>(clock);
            });
        await node.StartAsync();
        try
        {
            var actors = node.App.Services.GetRequiredService<ActorHost>();
            foreach (var symbol in Symbols)   // read before any await: activated by the first step, inside StartAsync
                Assert.True(actors.Cluster.TryGetActivePid(TradingCore.SymbolIdentity(symbol)) is not null, $"{symbol} has no symbol actor yet");

            using var client = new ApiClient(node.GrpcUrls[0]);
            foreach (var symbol in Symbols)
                Assert.True((await client.Unary<GetQuoteRequest, Tick>("MarketData/GetQuote", new() { Symbol = symbol }, TestNode.AdminKey)).Last.Units > 0);
            await client.Unary<CreateAccountRequest, Account>("Accounts/CreateAccount",
                new() { AccountId = "feed-start-1", DisplayName = "first", InitialCash = Dec(1_000_000) }, TestNode.AdminKey);
            var ack = await client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Market("feed-start-1", "first", Side.Buy, 1), TestNode.AdminKey);
            Assert.True(ack.Status == OrderStatus.Accepted, ack.ToString());
        }
        finally
        {
            await node.StopAsync();
            await node.DisposeAsync();
        }
    }
}
