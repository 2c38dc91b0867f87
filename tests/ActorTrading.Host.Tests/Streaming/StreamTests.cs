using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Streaming;
using ActorTrading.Host.Tests.Support;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using static ActorTrading.Host.Tests.Support.Messages;

namespace ActorTrading.Host.Tests.Streaming;

/// <summary>Server streams from actors: delivery, clean end on client cancel, conflation.</summary>
public sealed class StreamTests(TestNodeFixture fixture) : IClassFixture<TestNodeFixture>
{
    private TestNode Node => fixture.Node;
    private StreamPump Pump => Node.Node.App.Services.GetRequiredService<StreamPump>();

    private Task WhenAllStreamsEnded()
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check() { if (Pump.Active == 0) ended.TrySetResult(); }
        Pump.Ended += Check;
        Check();
        return ended.Task.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(t => { Pump.Ended -= Check; return t; }).Unwrap();
    }

    [Fact]
    public async Task Subscribe_PublishedTicks_ArriveOnTheStream()
    {
        using var ticks = Node.Client.Stream<SubscribeRequest, Tick>("MarketData/Subscribe", new() { Symbols = { "NSE:RELIANCE" } }, Node.Keys[Role.Viewer]);
        await ticks.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(30));
        using (var publish = Node.Client.Upload<Tick, PublishTicksResponse>("MarketData/PublishTicks", TestNode.AdminKey))
        {
            await publish.RequestStream.WriteAsync(new Tick { Symbol = "NSE:RELIANCE", Bid = Dec(2500), Ask = Dec(2501), Last = Dec(2500), Time = Timestamp.FromDateTime(DateTime.UtcNow), Sequence = 1 });
            await publish.RequestStream.WriteAsync(new Tick { Symbol = "NSE:RELIANCE", Bid = Dec(9), Ask = Dec(1), Time = Timestamp.FromDateTime(DateTime.UtcNow) });
            await publish.RequestStream.CompleteAsync();
            var result = await publish.ResponseAsync;
            Assert.Equal(1, result.Accepted);
            Assert.Equal(1, result.Rejected);
        }
        Assert.True(await ticks.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2500, ticks.ResponseStream.Current.Last.Units);
        var quote = await Node.Client.Unary<GetQuoteRequest, Tick>("MarketData/GetQuote", new() { Symbol = "NSE:RELIANCE" }, Node.Keys[Role.Viewer]);
        Assert.Equal(2501, quote.Ask.Units);
    }

    [Fact]
    public async Task StreamOrderEvents_ClientCancels_TheStreamEndsAndUnsubscribes()
    {
        using var cts = new CancellationTokenSource();
        var events = Node.Client.Stream<StreamOrderEventsRequest, OrderEvent>("Orders/StreamOrderEvents", new() { AccountId = TestNode.Own }, Node.Keys[Role.Trader], cts.Token);
        await events.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(Pump.Active >= 1);
        var ended = WhenAllStreamsEnded();
        cts.Cancel();
        events.Dispose();
        await ended;
        Assert.Equal(0, Pump.Active);
        var ack = await Node.Client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Market(TestNode.Own, "after-cancel", Side.Buy, 1), Node.Keys[Role.Trader]);
        Assert.Equal(OrderStatus.Accepted, ack.Status);
    }

    [Fact]
    public async Task StreamPortfolio_AfterFills_DeliversTheLatestSnapshot()
    {
        using var portfolio = Node.Client.Stream<StreamPortfolioRequest, PortfolioSnapshot>("Portfolio/StreamPortfolio", new() { AccountId = TestNode.Own }, Node.Keys[Role.Viewer]);
        await portfolio.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(30));
        await Node.Client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Market(TestNode.Own, "pf-1", Side.Buy, 2, "NSE:HDFCBANK"), Node.Keys[Role.Trader]);
        Assert.True(await portfolio.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(TestNode.Own, portfolio.ResponseStream.Current.AccountId);
    }

    [Fact]
    public async Task StreamOrderEvents_ForeignAccount_IsPermissionDenied()
    {
        using var events = Node.Client.Stream<StreamOrderEventsRequest, OrderEvent>("Orders/StreamOrderEvents", new() { AccountId = TestNode.Foreign }, Node.Keys[Role.Trader]);
        var e = await Assert.ThrowsAsync<RpcException>(() => events.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
    }
}
