namespace ActorTrading.Actors.Replay;

/// <summary>Summary statistics of a replay or backtest. Ratios are fractions (0.6 = 60 %). See <see cref="ReplayReportCalculator"/>.</summary>
public sealed record ReplayReport(
    int Trades,
    int Wins,
    int Losses,
    decimal WinRate,
    decimal GrossProfit,
    decimal GrossLoss,
    decimal NetPnl,
    decimal Fees,
    decimal? ProfitFactor,
    decimal MaxDrawdown,
    decimal MaxDrawdownPercent,
    decimal SharpeRatio,
    int TradingDays,
    decimal StartingEquity,
    decimal EndingEquity);
