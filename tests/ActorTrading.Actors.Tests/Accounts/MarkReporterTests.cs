using ActorTrading.Actors.Accounts;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Accounts;

public sealed class MarkReporterTests
{
    private static readonly SymbolId Tcs = new("NSE:TCS"), Infy = new("NSE:INFY");
    private const long Interval = 250;

    private static List<PositionMarked> Tick(MarkReporter r, SymbolId s, decimal price, long now)
    {
        var reports = new List<PositionMarked>();
        r.OnTick(s, price, now, reports);
        return reports;
    }

    [Fact]
    public void OnTick_NoWatchYet_ReportsEveryTick()
    {
        var r = new MarkReporter(Interval);
        Assert.Single(Tick(r, Tcs, 100m, 0));
        Assert.Single(Tick(r, Tcs, 100m, 1));
        Assert.Equal(new PositionMarked(Tcs, 101m), Assert.Single(Tick(r, Tcs, 101m, 2)));
    }

    [Fact]
    public void OnTick_ArmedWithinHeadroom_ChangedPriceReportedOncePerInterval()
    {
        var r = new MarkReporter(Interval);
        r.OnWatch(new LossWatch(1_000m, [new WatchedPosition(Tcs, 10m, 100m)]), 0, []);
        Assert.Single(Tick(r, Tcs, 99m, 0));          // first tick of the symbol: nothing reported yet
        Assert.Empty(Tick(r, Tcs, 98m, 100));         // within the interval
        Assert.Empty(Tick(r, Tcs, 97m, 249));
        Assert.Equal(new PositionMarked(Tcs, 96m), Assert.Single(Tick(r, Tcs, 96m, 250)));
        Assert.Empty(Tick(r, Tcs, 96m, 600));         // unchanged since the last report
    }

    [Fact]
    public void OnTick_FallReachesHeadroom_ReportedOnThatTickAndEveryTickAfter()
    {
        var r = new MarkReporter(Interval);
        r.OnWatch(new LossWatch(50m, [new WatchedPosition(Tcs, 10m, 100m)]), 0, []);
        Tick(r, Tcs, 100m, 0);
        Assert.Empty(Tick(r, Tcs, 95.01m, 1));        // fall 49.9 < 50
        Assert.Single(Tick(r, Tcs, 95m, 2));          // fall 50: the account's rule trips at day P&L <= -limit
        Assert.Single(Tick(r, Tcs, 95m, 3));          // still tripped (e.g. the state change failed): the account re-checks
    }

    [Fact]
    public void OnTick_ShortAndLongTogetherReachHeadroom_EveryMovedSymbolReported()
    {
        var r = new MarkReporter(Interval);
        r.OnWatch(new LossWatch(100m, [new WatchedPosition(Tcs, 10m, 100m), new WatchedPosition(Infy, -5m, 200m)]), 0, []);
        Tick(r, Tcs, 100m, 0);
        Tick(r, Infy, 200m, 0);
        Assert.Empty(Tick(r, Tcs, 94m, 1));           // long falls 60
        var reports = Tick(r, Infy, 208m, 2);          // short rises 40: together 100
        Assert.Equal([new PositionMarked(Tcs, 94m), new PositionMarked(Infy, 208m)], reports.OrderBy(m => m.Symbol.Value == "NSE:INFY"));
    }

    [Fact]
    public void OnWatch_TicksSinceAlreadyTripIt_MovedMarksReportedAtOnce()
    {
        var r = new MarkReporter(Interval);
        r.OnWatch(new LossWatch(1_000m, [new WatchedPosition(Tcs, 10m, 100m)]), 0, []);
        Tick(r, Tcs, 100m, 0);
        Assert.Empty(Tick(r, Tcs, 97m, 1));           // judged against the old watch
        var reports = new List<PositionMarked>();
        r.OnWatch(new LossWatch(20m, [new WatchedPosition(Tcs, 10m, 100m)]), 2, reports); // e.g. a losing fill cut the headroom
        Assert.Equal(new PositionMarked(Tcs, 97m), Assert.Single(reports));
    }

    [Fact]
    public void OnTick_NotArmed_OnlyIntervalReports()
    {
        var r = new MarkReporter(Interval);
        r.OnWatch(new LossWatch(null, [new WatchedPosition(Tcs, 10m, 100m)]), 0, []);
        Assert.False(r.Armed);
        Tick(r, Tcs, 100m, 0);
        Assert.Empty(Tick(r, Tcs, 1m, 1));            // any fall: the rule is not armed (not ACTIVE, or no limit)
        Assert.Single(Tick(r, Tcs, 2m, 300));
    }

    [Fact]
    public void OnTick_WatchAsksEveryTick_EveryTickReported()
    {
        var r = new MarkReporter(Interval);
        r.OnWatch(new LossWatch(1_000m, [new WatchedPosition(Tcs, 10m, 100m)], EveryTick: true), 0, []);
        Assert.Single(Tick(r, Tcs, 100m, 0));
        Assert.Single(Tick(r, Tcs, 101m, 1));          // inside the interval and far from the limit: still reported
        Assert.Single(Tick(r, Tcs, 101m, 2));
    }

    /// <summary>The account's own rule (mark every tick, breach at day P&amp;L &lt;= -limit) and the reporter trip on the same tick.</summary>
    [Fact]
    public void OnTick_CraftedSeries_TripsOnTheTickTheAccountWouldBreach()
    {
        var book = new PositionBook();
        book.Apply(new Fill("t1", new OrderId("O1"), Tcs, Side.Buy, Product.Mis, 10m, 100m, 1.5m, DateTimeOffset.UnixEpoch));
        book.Apply(new Fill("t2", new OrderId("O2"), Tcs, Side.Sell, Product.Cnc, 4m, 101m, 0.5m, DateTimeOffset.UnixEpoch));
        book.Apply(new Fill("t3", new OrderId("O3"), Infy, Side.Sell, Product.Mis, 3m, 50m, 0.25m, DateTimeOffset.UnixEpoch));
        book.Mark(Tcs, 100.5m);
        const decimal limit = 24m;   // reached by the INFY tick at 53.4 (day P&L −24.65)
        var watch = new LossWatch(limit + book.DayPnl, book.Open().Select(p => new WatchedPosition(p.Key.Symbol, p.Quantity, p.LastPrice == 0 ? p.AveragePrice : p.LastPrice)).ToList());
        var r = new MarkReporter(long.MaxValue);
        r.OnWatch(watch, 0, []);
        Tick(r, Tcs, 100.5m, 0);   // the first tick of each symbol, at the account's marks: reported as the first price seen
        Tick(r, Infy, 50m, 0);
        (SymbolId, decimal)[] series = [(Tcs, 100.2m), (Infy, 50.7m), (Tcs, 99.9m), (Infy, 51.3m), (Tcs, 99.1m), (Infy, 52.05m), (Tcs, 98.4m), (Infy, 52.6m),
            (Tcs, 97.3m), (Infy, 53.4m), (Tcs, 96m), (Infy, 54m)];
        int? accountBreach = null, reporterTrip = null;
        for (var i = 0; i < series.Length; i++)
        {
            var (symbol, price) = series[i];
            book.Mark(symbol, price);
            if (accountBreach is null && book.DayPnl <= -limit) accountBreach = i;
            if (reporterTrip is null && Tick(r, symbol, price, i + 1).Count > 0) reporterTrip = i;
        }
        Assert.NotNull(accountBreach);
        Assert.Equal(accountBreach, reporterTrip);
    }
}
