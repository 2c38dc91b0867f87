using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Accounts;

/// <summary>
/// An append holding only deferred gateway reports goes to the journal as a background append (the journal may hold it
/// back to share another account's commit); as soon as anything waits on it — a decision queued behind it, a read, a
/// drain — the account asks the journal to write it now (FlushBackground), so nothing waits for a linger.
/// </summary>
public sealed class BackgroundJournalingTests
{
    /// <summary>Places m1 with appends held, commits its accept: the broker's acknowledgement and fill are then held in flight.</summary>
    private static async Task<int> ReportInFlightAsync(CoreHarness h)
    {
        h.Journal.Hold = true;
        var calls = h.Journal.Calls.Count;
        var reply = h.Core.Cluster.RequestAsync<object>(CoreHarness.Account(), CoreHarness.PlaceRequest("m1", "NSE:TCS", Side.Buy, 2), CancellationToken.None);
        h.Run();
        h.Journal.CommitHeld();   // the accept
        h.Run();
        Assert.Equal(OrderStatus.Accepted, Assert.IsType<OrderAck>(await reply.WaitAsync(TimeSpan.FromSeconds(30))).Status);
        Assert.Equal(1, h.Journal.HeldCount);
        Assert.Equal([false, true], h.Journal.Background.Skip(calls));   // accept: foreground; acknowledgement + fill: background
        return calls;
    }

    [Fact]
    public async Task MarketOrder_ReportsAlone_BackgroundAppendWithoutFlush()
    {
        await using var h = CoreHarness.WithTradedAccount();
        var calls = await ReportInFlightAsync(h);

        h.Journal.CommitHeld();
        h.Run();

        Assert.Equal(0, h.Journal.BackgroundFlushes);   // nobody waited on the reports
        Assert.Equal([1, 2], h.Journal.Calls.Skip(calls).Select(c => c.Count));
    }

    [Fact]
    public async Task NewOrder_BehindBackgroundAppend_FlushesItAndGoesForeground()
    {
        await using var h = CoreHarness.WithTradedAccount();
        var calls = await ReportInFlightAsync(h);

        var second = h.Core.Cluster.RequestAsync<object>(CoreHarness.Account(), CoreHarness.PlaceRequest("m2", "NSE:TCS", Side.Sell, 1), CancellationToken.None);
        h.Run();
        Assert.Equal(1, h.Journal.BackgroundFlushes);   // the decision is staged behind the reports: they are written now
        Assert.Equal(1, h.Journal.HeldCount);           // the decision waits for them (one append per account in flight)

        h.Journal.CommitHeld();   // the reports
        h.Run();
        Assert.Equal(2, h.Journal.Calls.Count - calls - 1);
        Assert.False(h.Journal.Background[^1]);         // m2's decision: foreground
        h.Journal.CommitHeld();
        h.Run();
        Assert.Equal(OrderStatus.Accepted, Assert.IsType<OrderAck>(await second.WaitAsync(TimeSpan.FromSeconds(30))).Status);
        Assert.Equal(1, h.Journal.BackgroundFlushes);
    }

    [Fact]
    public async Task Read_WhileBackgroundAppendInFlight_FlushesItAndAnswersOnceDurable()
    {
        await using var h = CoreHarness.WithTradedAccount();
        await ReportInFlightAsync(h);

        var portfolio = h.Core.Cluster.RequestAsync<object>(CoreHarness.Account(), new GetPortfolioRequest { AccountId = "acc-1" }, CancellationToken.None);
        h.Run();
        Assert.Equal(1, h.Journal.BackgroundFlushes);
        Assert.False(portfolio.IsCompleted);   // a read never runs ahead of the journal

        h.Journal.CommitHeld();
        h.Run();
        var snapshot = Assert.IsType<PortfolioSnapshot>(await portfolio.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(3m, ProtoDecimal.FromProto(Assert.Single(snapshot.Positions).Quantity));   // warm-up 1 + 2
    }
}
