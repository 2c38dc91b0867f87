using ActorTrading.Actors.Feeds;
using ActorTrading.Actors.Risk;
using static ActorTrading.Actors.Tests.Support.TestData;

namespace ActorTrading.Actors.Tests.Feeds;

public class DataStallWatchdogTests
{
    private static DateTimeOffset Ist(int d, int h, int m, int s = 0) => new(2026, 1, d, h, m, s, TimeSpan.FromMinutes(330));

    [Fact]
    public void Check_QuietSymbolDuringHours_FlaggedOnceUntilTickResumes()
    {
        var w = new DataStallWatchdog(MarketCalendar.Nse(), TimeSpan.FromSeconds(30));
        w.Watch(Tcs, Ist(5, 10, 0));
        w.Watch(Infy, Ist(5, 10, 0));
        w.OnTick(Tcs, Ist(5, 10, 0, 10));
        w.OnTick(Infy, Ist(5, 10, 0, 40));
        var stalls = w.Check(Ist(5, 10, 0, 41));
        var stall = Assert.Single(stalls);
        Assert.Equal((Tcs, TimeSpan.FromSeconds(31)), (stall.Symbol, stall.Silence));
        Assert.Empty(w.Check(Ist(5, 10, 0, 50)));
        Assert.True(w.OnTick(Tcs, Ist(5, 10, 1)));
        Assert.False(w.IsStalled(Tcs));
    }

    [Fact]
    public void Check_OutsideMarketHours_NeverFlags()
    {
        var w = new DataStallWatchdog(MarketCalendar.Nse(), TimeSpan.FromSeconds(30));
        w.Watch(Tcs, Ist(5, 15, 0));
        Assert.Empty(w.Check(Ist(5, 18, 0)));
        Assert.Empty(w.Check(Ist(4, 11, 0))); // Sunday
    }

    [Fact]
    public void Check_OvernightQuiet_CountsFromSessionOpen()
    {
        var w = new DataStallWatchdog(MarketCalendar.Nse(), TimeSpan.FromSeconds(30));
        w.Watch(Tcs, Ist(5, 15, 0));
        w.OnTick(Tcs, Ist(5, 15, 29));
        Assert.Empty(w.Check(Ist(6, 9, 15, 20)));
        Assert.Equal(TimeSpan.FromSeconds(31), Assert.Single(w.Check(Ist(6, 9, 15, 31))).Silence);
    }
}
