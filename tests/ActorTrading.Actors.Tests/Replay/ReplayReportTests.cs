using ActorTrading.Actors.Model;
using ActorTrading.Actors.Replay;
using ActorTrading.Api.V1;
using static ActorTrading.Actors.Tests.Support.TestData;

namespace ActorTrading.Actors.Tests.Replay;

public class ReplayReportTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 1, 5, 5, 0, 0, TimeSpan.Zero);
    private static int _n;

    private static Fill F(Side side, decimal qty, decimal price, decimal fees = 0, int minutes = 0) =>
        new("t" + Interlocked.Increment(ref _n), new OrderId("O1"), Tcs, side, Product.Mis, qty, price, fees, Day1.AddMinutes(minutes));

    private static ClosedTrade Trade(decimal pnl, DateTimeOffset exit) => new(Tcs, Side.Buy, 1, 100, 100 + pnl, exit.AddMinutes(-5), exit, 0);

    [Fact]
    public void TradeMatcher_Fifo_ClosesOldestLotsFirstWithProRataFees()
    {
        var trades = TradeMatcher.Match([F(Side.Buy, 10, 100, fees: 10), F(Side.Buy, 5, 110, minutes: 1), F(Side.Sell, 12, 120, fees: 12, minutes: 2)]);
        Assert.Equal(2, trades.Count);
        Assert.Equal((10m, 100m, 120m, 20m, 180m), (trades[0].Quantity, trades[0].EntryPrice, trades[0].ExitPrice, trades[0].Fees, trades[0].NetPnl));
        Assert.Equal((2m, 110m, 2m, 18m), (trades[1].Quantity, trades[1].EntryPrice, trades[1].Fees, trades[1].NetPnl));
    }

    [Fact]
    public void TradeMatcher_ShortRoundTrip_AndFlipLeavesOpenLot()
    {
        var m = new TradeMatcher();
        m.Add(F(Side.Sell, 5, 100));
        m.Add(F(Side.Buy, 8, 90, minutes: 1));
        var t = Assert.Single(m.Closed);
        Assert.Equal((Side.Sell, 5m, 50m), (t.Side, t.Quantity, t.NetPnl));
        Assert.Equal(1, m.OpenLots);
    }

    [Fact]
    public void Calculate_KnownTrades_HandComputedStatistics()
    {
        var day2 = Day1.AddDays(1);
        var r = ReplayReportCalculator.Calculate([Trade(100, Day1), Trade(-50, Day1.AddHours(1)), Trade(200, day2)], 10_000m);
        Assert.Equal((3, 2, 1), (r.Trades, r.Wins, r.Losses));
        Assert.Equal(2m / 3m, r.WinRate);
        Assert.Equal((300m, -50m, 250m, 6m), (r.GrossProfit, r.GrossLoss, r.NetPnl, r.ProfitFactor!.Value));
        Assert.Equal((50m, 50m / 10_100m), (r.MaxDrawdown, r.MaxDrawdownPercent));
        Assert.Equal((2, 10_250m), (r.TradingDays, r.EndingEquity));
        double r1 = 50.0 / 10_000, r2 = 200.0 / 10_050, mean = (r1 + r2) / 2;
        var sd = Math.Sqrt(((r1 - mean) * (r1 - mean) + (r2 - mean) * (r2 - mean)) / 1);
        Assert.Equal(mean / sd * Math.Sqrt(252), (double)r.SharpeRatio, 6);
    }

    [Fact]
    public void Calculate_NoTrades_IsAllZero()
    {
        var r = ReplayReportCalculator.Calculate([], 5_000m);
        Assert.Equal((0, 0m, 0m, 0m, (decimal?)null), (r.Trades, r.WinRate, r.NetPnl, r.SharpeRatio, r.ProfitFactor));
    }

    [Fact]
    public void Calculate_DrawdownFromStartingEquity()
    {
        var r = ReplayReportCalculator.Calculate([Trade(-100, Day1), Trade(-100, Day1.AddMinutes(10)), Trade(150, Day1.AddMinutes(20))], 1_000m);
        Assert.Equal((200m, 0.2m), (r.MaxDrawdown, r.MaxDrawdownPercent));
        Assert.Equal(0m, r.SharpeRatio); // one day only
    }
}
