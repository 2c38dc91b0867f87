using ActorTrading.Actors.Indicators;

namespace ActorTrading.Actors.Tests.Indicators;

public class MovingAverageTests
{
    [Fact]
    public void Sma_Period3_MatchesHandValues()
    {
        var sma = new Sma(3);
        sma.Update(1); sma.Update(2);
        Assert.False(sma.IsReady);
        Assert.Equal(2m, sma.Update(3));
        Assert.Equal(3m, sma.Update(4));
        Assert.Equal(4m, sma.Update(5));
    }

    [Fact]
    public void Ema_Period3_SeededWithSmaThenHalfWeight()
    {
        var ema = new Ema(3);
        ema.Update(1); ema.Update(2);
        Assert.False(ema.IsReady);
        Assert.Equal(2m, ema.Update(3));
        Assert.Equal(3m, ema.Update(4));   // 2 + 0.5 × (4 − 2)
        Assert.Equal(4m, ema.Update(5));   // 3 + 0.5 × (5 − 3)
        Assert.Equal(3.5m, ema.Update(3)); // 4 + 0.5 × (3 − 4)
    }

    [Fact]
    public void VolumeAverage_AveragesLastN()
    {
        var v = new VolumeAverage(2);
        v.Update(100);
        Assert.Equal(200m, v.Update(300));
        Assert.Equal(400m, v.Update(500));
    }

    [Fact]
    public void Constructors_NonPositivePeriod_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sma(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ema(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rsi(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingHighest(0));
    }
}
