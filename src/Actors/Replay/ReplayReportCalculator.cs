using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Replay;

/// <summary>
/// Computes a <see cref="ReplayReport"/> from closed trades, in exit-time order:
/// <list type="bullet">
/// <item>win = net P&amp;L &gt; 0, loss = net P&amp;L &lt; 0 (break-even trades count as trades only); win rate = wins / trades.</item>
/// <item>profit factor = gross profit / |gross loss| (null when there is no loss).</item>
/// <item>max drawdown: the equity curve is starting equity + cumulative net P&amp;L after each trade; drawdown is the largest
/// fall from a running peak (the starting equity counts as the first peak), in money and as a fraction of that peak.</item>
/// <item>Sharpe ratio = mean(r) / stdev(r) × √252, where r is the daily return: the net P&amp;L of the trades that closed
/// on one exchange-local date divided by the equity at the start of that date; only dates with a closed trade count;
/// stdev is the sample standard deviation (n − 1); risk-free rate 0; 0 when fewer than 2 days or zero deviation.</item>
/// </list>
/// </summary>
public static class ReplayReportCalculator
{
    public const int TradingDaysPerYear = 252;

    public static ReplayReport Calculate(IEnumerable<ClosedTrade> closedTrades, decimal startingEquity, TimeZoneInfo? zone = null)
    {
        zone ??= Risk.IndiaTime.Zone;
        var trades = closedTrades.OrderBy(t => t.ExitTime).ToList();
        decimal grossProfit = 0, grossLoss = 0, fees = 0, equity = startingEquity, peak = startingEquity, maxDd = 0, maxDdPct = 0;
        int wins = 0, losses = 0;
        var daily = new List<decimal>();
        DateOnly? day = null;
        decimal dayStartEquity = equity, dayPnl = 0;
        foreach (var t in trades)
        {
            var pnl = t.NetPnl;
            fees += t.Fees;
            if (pnl > 0) { wins++; grossProfit += pnl; }
            else if (pnl < 0) { losses++; grossLoss += pnl; }
            var d = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t.ExitTime, zone).DateTime);
            if (day != d)
            {
                if (day is not null) daily.Add(dayStartEquity == 0 ? 0 : dayPnl / dayStartEquity);
                day = d;
                dayStartEquity = equity;
                dayPnl = 0;
            }
            dayPnl += pnl;
            equity += pnl;
            if (equity > peak) peak = equity;
            var dd = peak - equity;
            if (dd > maxDd) { maxDd = dd; maxDdPct = peak == 0 ? 0 : dd / peak; }
        }
        if (day is not null) daily.Add(dayStartEquity == 0 ? 0 : dayPnl / dayStartEquity);
        return new ReplayReport(trades.Count, wins, losses, trades.Count == 0 ? 0 : (decimal)wins / trades.Count, grossProfit, grossLoss,
            equity - startingEquity, fees, grossLoss == 0 ? null : grossProfit / -grossLoss, maxDd, maxDdPct, Sharpe(daily), daily.Count,
            startingEquity, equity);
    }

    public static decimal Sharpe(IReadOnlyList<decimal> dailyReturns)
    {
        if (dailyReturns.Count < 2) return 0;
        var mean = dailyReturns.Average();
        var variance = dailyReturns.Sum(r => (r - mean) * (r - mean)) / (dailyReturns.Count - 1);
        if (variance == 0) return 0;
        return mean / DecimalMath.Sqrt(variance) * DecimalMath.Sqrt(TradingDaysPerYear);
    }
}
