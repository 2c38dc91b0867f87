using ActorTrading.Actors.Diagnostics;
using ActorTrading.Actors.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Composition;
using ActorTrading.Host.Streaming;
using ActorTrading.Host.Tests.Support;
using ActorTrading.Runtime.Cluster;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using static ActorTrading.Host.Tests.Support.Messages;

namespace ActorTrading.Host.Tests.Streaming;

/// <summary>
/// A client that cancels a server stream (order events, portfolio, ticks) ends it on the server too, against the real
/// actors: the call's handler returns, the node's subscriber actor stops, and the account or symbol actor that fed the
/// stream no longer holds the subscriber (its count drops back). Then the account keeps trading.
/// </summary>
public sealed class ServerSideCancelTests(RealCoreFixture fixture) : IClassFixture<RealCoreFixture>
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private static int _accounts;

    private TestNode Node => fixture.Node;
    private StreamPump Pump => Node.Node.App.Services.GetRequiredService<StreamPump>();
    private ActorHost Actors => Node.Node.App.Services.GetRequiredService<ActorHost>();

    private async Task<int> CountAsync(ClusterIdentity identity) =>
        (await Actors.Cluster.RequestAsync<SubscriberCount>(identity, CountSubscribers.Instance, Guard)).Count;

    /// <summary>Asks until the actor reports <paramref name="expected"/> subscribers (the unsubscribe is a message
    /// behind the call's end), failing after the guard with the last count.</summary>
    private async Task CountReaches(ClusterIdentity identity, int expected)
    {
        using var guard = new CancellationTokenSource(Guard);
        int count;
        while ((count = await CountAsync(identity)) != expected)
        {
            Assert.False(guard.IsCancellationRequested, $"{identity} still holds {count} subscribers, expected {expected}");
            await Task.Yield();
        }
    }

    private Task WhenNoStreamIsServed()
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check() { if (Pump.Active == 0) ended.TrySetResult(); }
        Pump.Ended += Check;
        Check();
        return ended.Task.WaitAsync(Guard).ContinueWith(t => { Pump.Ended -= Check; return t; }).Unwrap();
    }

    private async Task<string> CreateAccountAsync()
    {
        var id = $"cancel-{Interlocked.Increment(ref _accounts)}";
        await Node.Client.Unary<CreateAccountRequest, Account>("Accounts/CreateAccount", new() { AccountId = id, DisplayName = id, InitialCash = Dec(1_000_000) }, TestNode.AdminKey);
        return id;
    }

    /// <summary>Opens the stream, checks the actor holds one more subscriber, cancels on the client and checks that the
    /// server's handler ended and the actor dropped the subscriber.</summary>
    private async Task OpenThenCancel<TRequest, TResponse>(string path, TRequest request, ClusterIdentity source)
        where TRequest : class, IMessage<TRequest>, new() where TResponse : class, IMessage<TResponse>, new()
    {
        var before = await CountAsync(source);
        using var cancel = new CancellationTokenSource();
        var call = Node.Client.Stream<TRequest, TResponse>(path, request, TestNode.AdminKey, cancel.Token);
        await call.ResponseHeadersAsync.WaitAsync(Guard);                     // sent once the actor confirmed the subscription
        Assert.Equal(before + 1, await CountAsync(source));
        Assert.Equal(1, Pump.Active);

        var ended = WhenNoStreamIsServed();
        await cancel.CancelAsync();
        call.Dispose();
        await ended;
        await CountReaches(source, before);
    }

    [Fact]
    public async Task StreamOrderEvents_ClientCancels_AccountDropsTheSubscriber()
    {
        var account = await CreateAccountAsync();
        await OpenThenCancel<StreamOrderEventsRequest, OrderEvent>("Orders/StreamOrderEvents", new() { AccountId = account }, TradingCore.AccountIdentity(account));

        var ack = await Node.Client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Market(account, "after-cancel", Side.Buy, 1), TestNode.AdminKey);
        Assert.True(ack.Status == OrderStatus.Accepted, ack.ToString());
        Assert.Equal(0, await CountAsync(TradingCore.AccountIdentity(account)));
    }

    [Fact]
    public async Task StreamPortfolio_ClientCancels_AccountDropsTheSubscriber()
    {
        var account = await CreateAccountAsync();
        await OpenThenCancel<StreamPortfolioRequest, PortfolioSnapshot>("Portfolio/StreamPortfolio", new() { AccountId = account }, TradingCore.AccountIdentity(account));
    }

    [Fact]
    public async Task Subscribe_ClientCancels_EverySymbolDropsTheSubscriber()
    {
        string[] symbols = ["NSE:INFY", "NSE:ICICIBANK"];
        var before = new List<int>();
        foreach (var s in symbols) before.Add(await CountAsync(TradingCore.SymbolIdentity(s)));
        using var cancel = new CancellationTokenSource();
        var call = Node.Client.Stream<SubscribeRequest, Tick>("MarketData/Subscribe", new() { Symbols = { symbols } }, TestNode.AdminKey, cancel.Token);
        await call.ResponseHeadersAsync.WaitAsync(Guard);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard), "the stream ended before its first tick");
        for (var i = 0; i < symbols.Length; i++) Assert.Equal(before[i] + 1, await CountAsync(TradingCore.SymbolIdentity(symbols[i])));

        var ended = WhenNoStreamIsServed();
        await cancel.CancelAsync();
        call.Dispose();
        await ended;
        for (var i = 0; i < symbols.Length; i++) await CountReaches(TradingCore.SymbolIdentity(symbols[i]), before[i]);
    }
}
