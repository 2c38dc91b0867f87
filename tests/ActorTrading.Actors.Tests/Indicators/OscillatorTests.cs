using ActorTrading.Actors.Indicators;

namespace ActorTrading.Actors.Tests.Indicators;

public class OscillatorTests
{
    [Fact]
    public void Rsi_Period3_WilderSmoothing()
    {
        var rsi = new Rsi(3);
        foreach (var c in new decimal[] { 10, 11, 10 }) rsi.Update(c);
        Assert.False(rsi.IsReady);
        // changes +1, −1, +2: avg gain 1, avg loss 1/3 → RS 3 → RSI 75
        Assert.Equal(75m, Math.Round(rsi.Update(12), 10));
        // +1: gain (1×2+1)/3 = 1, loss (1/3×2)/3 = 2/9 → RS 4.5 → 100 − 100/5.5
        Assert.Equal(81.8181818182m, Math.Round(rsi.Update(13), 10));
    }

    [Fact]
    public void Rsi_OnlyGains_Is100()
    {
        var rsi = new Rsi(2);
        foreach (var c in new decimal[] { 1, 2, 3 }) rsi.Update(c);
        Assert.Equal(100m, rsi.Value);
    }

    [Fact]
    public void Atr_Period3_UsesTrueRangeAndWilderSmoothing()
    {
        var atr = new Atr(3);
        atr.Update(10, 8, 9);   // TR 2
        atr.Update(13, 11, 12); // TR max(2, |13−9|, |11−9|) = 4
        Assert.Equal(4m, atr.LastTrueRange);
        Assert.Equal(8m / 3m, atr.Update(12, 10, 11)); // TR 2 → (2+4+2)/3
        Assert.Equal(Math.Round(28m / 9m, 20), Math.Round(atr.Update(12, 8, 9), 20)); // TR 4 → (8/3×2+4)/3
    }

    [Fact]
    public void Vwap_WeightsByVolume_AndResetsOnNewSession()
    {
        var vwap = new Vwap();
        var d1 = new DateOnly(2026, 1, 5);
        vwap.Update(d1, 100, 10);
        Assert.Equal(101.5m, vwap.Update(d1, 102, 30));
        Assert.Equal(200m, vwap.Update(d1.AddDays(1), 200, 5));
        Assert.Equal(5, vwap.SessionVolume);
    }

    [Fact]
    public void Bollinger_Period8_ClassicExample()
    {
        var bb = new BollingerBands(8, 2);
        foreach (var v in new decimal[] { 2, 4, 4, 4, 5, 5, 7, 9 }) bb.Update(v);
        Assert.Equal(5m, bb.Middle);
        Assert.Equal(2m, bb.StandardDeviation);
        Assert.Equal(9m, bb.Upper);
        Assert.Equal(1m, bb.Lower);
        Assert.Equal(1.6m, bb.Bandwidth);
    }

    [Fact]
    public void Bollinger_Rolls_DroppingOldestValue()
    {
        var bb = new BollingerBands(2, 1);
        bb.Update(100); bb.Update(1); bb.Update(3);
        Assert.Equal(2m, bb.Middle);
        Assert.Equal(1m, bb.StandardDeviation);
    }

    [Fact]
    public void RollingHighestAndLowest_SlideOverWindow()
    {
        var hi = new RollingHighest(3);
        Assert.Equal(new decimal[] { 1, 3, 3, 5, 5, 5, 4 }, new decimal[] { 1, 3, 2, 5, 4, 1, 0 }.Select(hi.Update).ToArray());
        var lo = new RollingLowest(3);
        Assert.Equal(new decimal[] { 5, 3, 3, 3, 4, 6, 2 }, new decimal[] { 5, 3, 4, 6, 7, 8, 2 }.Select(lo.Update).ToArray());
        Assert.True(lo.IsReady);
    }

    [Fact]
    public void RollingHighest_MatchesBruteForceOnLongSeries()
    {
        var rng = new Random(7);
        var values = Enumerable.Range(0, 500).Select(_ => (decimal)rng.Next(0, 100)).ToArray();
        var hi = new RollingHighest(10);
        for (var i = 0; i < values.Length; i++)
            Assert.Equal(values[Math.Max(0, i - 9)..(i + 1)].Max(), hi.Update(values[i]));
    }
}
