namespace ActorTrading.Actors.Feeds;

/// <summary>Parameters of the simulated market (annualised drift and volatility, spread in ticks, mean volume per tick).</summary>
public sealed record SimulatedFeedOptions
{
    public double AnnualDrift { get; init; }
    public double AnnualVolatility { get; init; } = 0.25;
    public int SpreadTicks { get; init; } = 1;
    public double MeanVolume { get; init; } = 100;
    /// <summary>Trading seconds per year used to scale dt: 252 days × 6.25 h.</summary>
    public double SecondsPerYear { get; init; } = 252 * 6.25 * 3600;
}
