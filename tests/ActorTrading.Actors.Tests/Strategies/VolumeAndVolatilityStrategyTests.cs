using ActorTrading.Api.V1;
using static ActorTrading.Actors.Tests.Support.TestData;

namespace ActorTrading.Actors.Tests.Strategies;

public class VolumeAndVolatilityStrategyTests
{
    [Fact]
    public void VolumeProfileScalper_SpikeAboveVwap_Buys()
    {
        var s = Bars.Create("volume_profile_scalper", ("spike_period", "3"), ("spike_multiplier", "2"), ("min_distance_percent", "0.1"), ("stop_percent", "0.3"));
        var ctx = new FakeStrategyContext(Tcs);
        for (var i = 0; i < 3; i++) s.OnBar(Bars.At(i, Tcs, 100, 100, 100, 100, 100), ctx);
        s.OnBar(Bars.At(3, Tcs, 101, 101, 101, 101, 300), ctx); // VWAP 100.5, spike 300 >= 2 × 100
        var i0 = Assert.Single(ctx.Submitted);
        Assert.Equal((Side.Buy, 100.65m, 101.90m), (i0.Side, i0.StopLoss, i0.TakeProfit));
    }

    [Fact]
    public void VolumeProfileScalper_SpikeBelowVwap_Shorts_NoSpike_Nothing()
    {
        var s = Bars.Create("volume_profile_scalper", ("spike_period", "3"));
        var ctx = new FakeStrategyContext(Tcs);
        for (var i = 0; i < 3; i++) s.OnBar(Bars.At(i, Tcs, 100, 100, 100, 100, 100), ctx);
        s.OnBar(Bars.At(3, Tcs, 99, 99, 99, 99, 199), ctx);
        Assert.Empty(ctx.Submitted);
        s.OnBar(Bars.At(4, Tcs, 99, 99, 99, 99, 1000), ctx);
        Assert.Equal(Side.Sell, Assert.Single(ctx.Submitted).Side);
    }

    [Fact]
    public void OptimizedVolumeScalper_AdaptiveSpikeAndDistance_Buys()
    {
        var s = Bars.Create("optimized_volume_scalper", ("spike_period", "3"), ("volume_sigma", "1"), ("atr_period", "2"),
            ("distance_atr", "0.25"), ("atr_stop_multiplier", "1"));
        var ctx = new FakeStrategyContext(Tcs);
        long[] volumes = [100, 120, 80];
        for (var i = 0; i < 3; i++) s.OnBar(Bars.At(i, Tcs, 100, 100.5m, 99.5m, 100, volumes[i]), ctx);
        s.OnBar(Bars.At(3, Tcs, 100, 101.2m, 100, 101, 200), ctx); // threshold 116.3, ATR 1 → distance 0.25, ATR after 1.1
        var i0 = Assert.Single(ctx.Submitted);
        Assert.Equal((Side.Buy, 99.9m, 103.75m), (i0.Side, i0.StopLoss, i0.TakeProfit));
    }

    [Fact]
    public void OptimizedVolumeScalper_VolumeBelowAdaptiveThreshold_DoesNothing()
    {
        var s = Bars.Create("optimized_volume_scalper", ("spike_period", "3"), ("volume_sigma", "1"), ("atr_period", "2"));
        var ctx = new FakeStrategyContext(Tcs);
        long[] volumes = [100, 120, 80];
        for (var i = 0; i < 3; i++) s.OnBar(Bars.At(i, Tcs, 100, 100.5m, 99.5m, 100, volumes[i]), ctx);
        s.OnBar(Bars.At(3, Tcs, 100, 101.2m, 100, 101, 116), ctx);
        Assert.Empty(ctx.Submitted);
    }

    [Fact]
    public void VolatilityExplosion_SqueezeThenExpansion_BuysInBreakDirection()
    {
        var s = Bars.Create("volatility_explosion", ("bb_period", "3"), ("squeeze_percent", "1"), ("squeeze_memory", "3"),
            ("atr_period", "2"), ("expansion_multiplier", "1.5"), ("atr_stop_multiplier", "1.5"));
        var ctx = new FakeStrategyContext(Tcs);
        for (var i = 0; i < 4; i++) s.OnBar(Bars.At(i, Tcs, 100, 100.1m, 99.9m, 100, 100), ctx);
        Assert.Empty(ctx.Submitted);
        s.OnBar(Bars.At(4, Tcs, 100, 102, 100, 101.9m, 100), ctx); // TR 2 >= 1.5 × 0.2; ATR after 1.1 → stop 1.65
        var i0 = Assert.Single(ctx.Submitted);
        Assert.Equal((Side.Buy, 100.25m, 106.05m), (i0.Side, i0.StopLoss, i0.TakeProfit));
    }

    [Fact]
    public void VolatilityExplosion_ExpansionWithoutSqueeze_DoesNothing()
    {
        var s = Bars.Create("volatility_explosion", ("bb_period", "3"), ("squeeze_percent", "1"), ("atr_period", "2"));
        var ctx = new FakeStrategyContext(Tcs);
        decimal[] closes = [100, 105, 98, 106, 97];
        for (var i = 0; i < closes.Length; i++) s.OnBar(Bars.At(i, Tcs, closes[i], closes[i] + 1, closes[i] - 1, closes[i], 100), ctx);
        s.OnBar(Bars.At(9, Tcs, 97, 115, 97, 114, 100), ctx);
        Assert.Empty(ctx.Submitted);
    }

    [Fact]
    public void MeanReversion_CloseBelowLowerBand_BuysTargetingMiddle()
    {
        var s = Bars.Create("mean_reversion", ("bb_period", "4"), ("bb_k", "1"), ("reward_risk", "2"));
        var ctx = new FakeStrategyContext(Tcs);
        Bars.Feed(s, ctx, Bars.FromCloses(Tcs, [100, 100, 100, 100, 96])); // middle 99, σ √3, lower 97.27
        var i0 = Assert.Single(ctx.Submitted);
        Assert.Equal((Side.Buy, 94.5m, 99m), (i0.Side, i0.StopLoss, i0.TakeProfit));
    }

    [Fact]
    public void MeanReversion_CloseAboveUpperBand_Shorts()
    {
        var s = Bars.Create("mean_reversion", ("bb_period", "4"), ("bb_k", "1"), ("reward_risk", "2"));
        var ctx = new FakeStrategyContext(Tcs);
        Bars.Feed(s, ctx, Bars.FromCloses(Tcs, [100, 100, 100, 100, 104]));
        var i0 = Assert.Single(ctx.Submitted);
        Assert.Equal((Side.Sell, 105.5m, 101m), (i0.Side, i0.StopLoss, i0.TakeProfit));
    }

    [Fact]
    public void MeanReversion_InPosition_DoesNotAdd()
    {
        var s = Bars.Create("mean_reversion", ("bb_period", "4"), ("bb_k", "1"));
        var ctx = new FakeStrategyContext(Tcs);
        ctx.Positions[Tcs] = 3;
        Bars.Feed(s, ctx, Bars.FromCloses(Tcs, [100, 100, 100, 100, 96]));
        Assert.Empty(ctx.Submitted);
    }
}
