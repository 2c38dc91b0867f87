namespace ActorTrading.Actors.Indicators;

/// <summary>Average volume of the last <c>period</c> bars (an SMA over volumes).</summary>
public sealed class VolumeAverage
{
    private readonly Sma _sma;

    public VolumeAverage(int period) => _sma = new Sma(period);

    public int Period => _sma.Period;
    public bool IsReady => _sma.IsReady;
    public decimal Value => _sma.Value;

    public decimal Update(long volume) => _sma.Update(volume);
}
