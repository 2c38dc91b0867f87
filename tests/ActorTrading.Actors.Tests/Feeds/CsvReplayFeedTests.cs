using ActorTrading.Actors.Feeds;
using ActorTrading.Actors.Tests.Support;

namespace ActorTrading.Actors.Tests.Feeds;

public class CsvReplayFeedTests
{
    private const string Good = """
        time,symbol,bid,ask,last,volume
        # a comment
        2026-01-05T04:00:00Z,NSE:TCS,3999.95,4000.00,4000.00,10

        2026-01-05T04:00:10Z,NSE:INFY,1799.90,1800.00,1799.95,25
        2026-01-05T09:30:20+05:30,NSE:TCS,4000.00,4000.05,4000.05,5
        """;

    private static CsvReplayFeed Feed(string text) => new(() => new StringReader(text));

    [Fact]
    public void Read_ParsesRowsSkippingHeaderBlanksAndComments()
    {
        var ticks = Feed(Good).Read().ToList();
        Assert.Equal(3, ticks.Count);
        Assert.Equal((TestData.Tcs, 3999.95m, 4000m, 4000m, 10L, 1L), (ticks[0].Symbol, ticks[0].Bid, ticks[0].Ask, ticks[0].Last, ticks[0].Volume, ticks[0].Sequence));
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 4, 0, 20, TimeSpan.Zero), ticks[2].Time);
    }

    [Theory]
    [InlineData("2026-01-05T04:00:00Z,NSE:TCS,abc,4000,4000,1", "line 2: bid 'abc' is not a non-negative decimal")]
    [InlineData("2026-01-05T04:00:00Z,NSE:TCS,4000,4000,4000", "line 2: expected 6 fields")]
    [InlineData("yesterday,NSE:TCS,4000,4000,4000,1", "line 2: time 'yesterday'")]
    [InlineData("2026-01-05T04:00:00Z,TCS,4000,4000,4000,1", "line 2: symbol 'TCS' must be EXCHANGE:SYMBOL")]
    [InlineData("2026-01-05T04:00:00Z,NSE:TCS,4001,4000,4000,1", "line 2: bid 4001 is above ask 4000")]
    [InlineData("2026-01-05T04:00:00Z,NSE:TCS,4000,4000,4000,-1", "line 2: volume '-1'")]
    public void Read_BadRow_ThrowsWithLineNumber(string row, string expected)
    {
        var e = Assert.Throws<CsvFeedException>(() => Feed("time,symbol,bid,ask,last,volume\n" + row).Read().ToList());
        Assert.Equal(2, e.LineNumber);
        Assert.StartsWith(expected, e.Message);
    }

    [Fact]
    public async Task ReplayAsync_AsFastAsPossible_YieldsAllWithoutWaiting()
    {
        var time = new ManualTimeProvider();
        var ticks = new List<ActorTrading.Actors.Model.MarketTick>();
        await foreach (var t in Feed(Good).ReplayAsync(time, speed: 0)) ticks.Add(t);
        Assert.Equal(3, ticks.Count);
    }

    [Fact]
    public async Task ReplayAsync_SpeedTwo_WaitsHalfTheRecordedGap()
    {
        var time = new ManualTimeProvider();
        await using var e = Feed(Good).ReplayAsync(time, speed: 2).GetAsyncEnumerator();
        Assert.True(await e.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        var second = e.MoveNextAsync().AsTask();
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(await second.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(TestData.Infy, e.Current.Symbol);
    }

    [Fact]
    public void Pacer_ComputesDueTimesAndNeverWaitsForOutOfOrderTicks()
    {
        var p = new ReplayPacer(10);
        var t0 = TestData.MarketOpen;
        Assert.Equal(TimeSpan.Zero, p.DelayFor(t0, t0));
        Assert.Equal(TimeSpan.FromSeconds(6), p.DelayFor(t0.AddMinutes(1), t0));
        Assert.Equal(TimeSpan.Zero, p.DelayFor(t0.AddMinutes(-1), t0.AddSeconds(1)));
    }
}
