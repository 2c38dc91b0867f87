namespace ActorTrading.Actors.Brokers;

/// <summary>How the simulated exchange behaves.</summary>
public sealed record PaperBrokerOptions
{
    /// <summary>Time from acceptance until an order works at the exchange (measured on the injected TimeProvider).</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;
    /// <summary>Brokerage per fill in percent of turnover...</summary>
    public decimal FeePercent { get; init; } = 0.03m;
    /// <summary>...capped at this amount per fill (Indian discount-broker style: 0.03% or ₹20, whichever is lower).</summary>
    public decimal MaxFeePerFill { get; init; } = 20m;
    /// <summary>Limit/stop prices further than this from the last price are rejected, like an exchange's price band.</summary>
    public decimal PriceBandPercent { get; init; } = 10m;
    public decimal InitialCash { get; init; } = 1_000_000m;
    /// <summary>Cash blocked per unit of notional for orders that open exposure (100 = fully funded).</summary>
    public decimal MarginPercent { get; init; } = 100m;
    public string Name { get; init; } = "paper";
}
