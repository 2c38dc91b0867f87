namespace ActorTrading.Host.Configuration;

/// <summary>Risk limits a new account gets when CreateAccount leaves them unset (DESIGN.md §4).</summary>
public sealed class RiskDefaultsOptions
{
    public decimal RiskPerTradePercent { get; set; } = 1m;
    public decimal MinRewardRisk { get; set; } = 2.5m;
    public decimal MaxDailyLossPercent { get; set; } = 3m;
    public int MaxOpenPositions { get; set; } = 3;
    public int MaxTradesPerDay { get; set; } = 5;
    public int MaxOrdersPerDay { get; set; } = 100;
    public decimal MaxPositionPercent { get; set; } = 10m;
    public decimal PriceBandPercent { get; set; } = 5m;

    /// <summary>Orders per second one account may send (burst the same); not in the API's RiskLimits.</summary>
    public int OrdersPerSecond { get; set; } = 10;

    /// <summary>Null: on when the node is durable, off on the embedded demo node (so a demo trades at any hour).</summary>
    public bool? EnforceMarketHours { get; set; }
}
