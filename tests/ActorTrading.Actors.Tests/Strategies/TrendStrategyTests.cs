using ActorTrading.Actors.Strategies;
using ActorTrading.Api.V1;
using static ActorTrading.Actors.Tests.Support.TestData;

namespace ActorTrading.Actors.Tests.Strategies;

public class TrendStrategyTests
{
    [Fact]
    public void EmaCrossover_CrossUp_BuysWithTickAlignedBracket_CrossDown_ExitsLong()
    {
        var s = Bars.Create("ema_crossover", ("fast_period", "2"), ("slow_period", "4"), ("stop_percent", "1"));
        var ctx = new FakeStrategyContext(Tcs);
        var bars = Bars.FromCloses(Tcs, [10, 10, 10, 10, 10, 12, 8]);
        Bars.Feed(s, ctx, bars.Take(5));
        Assert.Empty(ctx.Submitted);
        s.OnBar(bars[5], ctx); // fast 11.33 > slow 10.8
        var entry = Assert.Single(ctx.Submitted);
        Assert.Equal((Side.Buy, 0m, 11.85m, 12.40m), (entry.Side, entry.Quantity, entry.StopLoss, entry.TakeProfit));
        ctx.Positions[Tcs] = 5;
        s.OnBar(bars[6], ctx); // fast 9.11 < slow 9.68
        var exit = ctx.Submitted[1];
        Assert.Equal((Side.Sell, 5m, (decimal?)null), (exit.Side, exit.Quantity, exit.StopLoss));
        Assert.Equal(2, ctx.Submitted.Count);
    }

    [Fact]
    public void EmaCrossover_CrossDownWhenFlat_ShortsOnlyIfAllowed()
    {
        var allowed = new FakeStrategyContext(Tcs);
        Bars.Feed(Bars.Create("ema_crossover", ("fast_period", "2"), ("slow_period", "4")), allowed, Bars.FromCloses(Tcs, [10, 10, 10, 10, 12, 12, 8]));
        Assert.Contains(allowed.Submitted, i => i.Side == Side.Sell && i.StopLoss > 8);
        var forbidden = new FakeStrategyContext(Tcs);
        Bars.Feed(Bars.Create("ema_crossover", ("fast_period", "2"), ("slow_period", "4"), ("allow_short", "false")), forbidden, Bars.FromCloses(Tcs, [10, 10, 10, 10, 12, 12, 8]));
        Assert.DoesNotContain(forbidden.Submitted, i => i.Side == Side.Sell);
    }

    [Fact]
    public void MomentumBreakout_CloseAboveWindowHighWithVolume_Buys()
    {
        var s = Bars.Create("momentum_breakout", ("lookback", "3"), ("volume_multiplier", "1.5"), ("atr_period", "2"), ("atr_stop_multiplier", "2"));
        var ctx = new FakeStrategyContext(Tcs);
        for (var i = 0; i < 4; i++) s.OnBar(Bars.At(i, Tcs, 100, 101, 99, 100, 100), ctx);
        Assert.Empty(ctx.Submitted);
        s.OnBar(Bars.At(4, Tcs, 100, 103, 100, 102.5m, 200), ctx); // TR 3, ATR (2+3)/2 = 2.5, stop 5
        var i0 = Assert.Single(ctx.Submitted);
        Assert.Equal((Side.Buy, 97.5m, 115m), (i0.Side, i0.StopLoss, i0.TakeProfit));
    }

    [Fact]
    public void MomentumBreakout_BreakoutWithoutVolume_DoesNothing()
    {
        var s = Bars.Create("momentum_breakout", ("lookback", "3"), ("atr_period", "2"));
        var ctx = new FakeStrategyContext(Tcs);
        for (var i = 0; i < 4; i++) s.OnBar(Bars.At(i, Tcs, 100, 101, 99, 100, 100), ctx);
        s.OnBar(Bars.At(4, Tcs, 100, 103, 100, 102.5m, 149), ctx);
        Assert.Empty(ctx.Submitted);
    }

    [Fact]
    public void MomentumBreakout_Breakdown_ShortsWithStopAbove()
    {
        var s = Bars.Create("momentum_breakout", ("lookback", "3"), ("atr_period", "2"));
        var ctx = new FakeStrategyContext(Tcs);
        for (var i = 0; i < 4; i++) s.OnBar(Bars.At(i, Tcs, 100, 101, 99, 100, 100), ctx);
        s.OnBar(Bars.At(4, Tcs, 100, 100, 97, 97.5m, 300), ctx);
        var i0 = Assert.Single(ctx.Submitted);
        Assert.Equal(Side.Sell, i0.Side);
        Assert.True(i0.StopLoss > 97.5m && i0.TakeProfit < 97.5m);
    }

    [Fact]
    public void ConfluenceAmplifier_AllAgree_FiresOnceOnFirstAgreementBar()
    {
        var s = Bars.Create("confluence_amplifier", ("fast_period", "2"), ("slow_period", "3"), ("rsi_period", "2"),
            ("rsi_long_max", "100"), ("volume_period", "2"), ("atr_period", "2"));
        var ctx = new FakeStrategyContext(Tcs);
        var bars = Bars.FromCloses(Tcs, [100, 101, 102, 103, 104, 105, 106], [100, 100, 100, 100, 100, 200, 300], spread: 0.5m);
        Bars.Feed(s, ctx, bars.Take(5));
        Assert.Empty(ctx.Submitted); // trend and RSI agree but volume does not
        Bars.Feed(s, ctx, bars.Skip(5));
        var entry = Assert.Single(ctx.Submitted);
        Assert.Equal(Side.Buy, entry.Side);
        Assert.StartsWith("confluence", entry.Reason);
    }

    [Fact]
    public void ConfluenceAmplifier_RsiOutsideBand_DoesNotEnter()
    {
        var s = Bars.Create("confluence_amplifier", ("fast_period", "2"), ("slow_period", "3"), ("rsi_period", "2"),
            ("rsi_long_max", "70"), ("volume_period", "2"), ("atr_period", "2"));
        var ctx = new FakeStrategyContext(Tcs);
        Bars.Feed(s, ctx, Bars.FromCloses(Tcs, [100, 101, 102, 103, 104, 105, 106], [100, 100, 100, 100, 100, 200, 300], spread: 0.5m));
        Assert.Empty(ctx.Submitted); // only gains: RSI 100 > 70
    }
}
