using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Accounts;

/// <summary>
/// Daily loss → REDUCING end to end, with marks no longer sent per tick: the position child reports when the account's
/// rule would trip (its loss watch), and queries re-mark at the node's last ticks. The clock does not move in these
/// tests, so no interval mark reaches the account: only the watch can make it turn REDUCING.
/// </summary>
public sealed class DailyLossTests
{
    // 10,000 of 1,000,000; positions up to half the equity
    private static readonly RiskLimits OnePercent = new() { MaxDailyLossPercent = ProtoDecimal.ToProto(1m), MaxPositionPercent = ProtoDecimal.ToProto(50m) };

    private static PortfolioSnapshot Portfolio(CoreHarness h) => h.Ask<PortfolioSnapshot>(CoreHarness.Account(), new GetPortfolioRequest { AccountId = "acc-1" });

    private static TradingState State(CoreHarness h) => h.Ask<Account>(CoreHarness.Account(), new GetAccountRequest { AccountId = "acc-1" }).State;

    /// <summary>After each tick: REDUCING exactly from the first tick whose day P&amp;L (at that tick's prices) is at or below −limit.</summary>
    private static void AssertReducingExactlyFromBreach(CoreHarness h, IEnumerable<(string Symbol, decimal Price)> ticks, decimal limit)
    {
        var breached = false;
        foreach (var (symbol, price) in ticks)
        {
            h.Tick(symbol, price);
            var state = State(h);
            var dayPnl = ProtoDecimal.FromProto(Portfolio(h).DayPnl);
            breached |= dayPnl <= -limit;
            Assert.True(breached == (state == TradingState.Reducing), $"after {symbol} {price}: day P&L {dayPnl}, state {state}");
        }
        Assert.True(breached, "the series never reached the limit");
    }

    [Fact]
    public async Task Ticks_LongPositionFallsThroughTheLimit_ReducingOnTheBreachingTick()
    {
        await using var h = new CoreHarness();
        h.CreateAccount(limits: OnePercent);
        h.Tick("NSE:TCS", 4000m);
        h.Place("buy", "NSE:TCS", Side.Buy, 40);
        h.Tick("NSE:TCS", 4000m);
        Assert.Equal(40m, ProtoDecimal.FromProto(Assert.Single(Portfolio(h).Positions).Quantity));

        AssertReducingExactlyFromBreach(h, [("NSE:TCS", 3950m), ("NSE:TCS", 3900m), ("NSE:TCS", 3850m), ("NSE:TCS", 3800m), ("NSE:TCS", 3770m),
            ("NSE:TCS", 3755m), ("NSE:TCS", 3751m), ("NSE:TCS", 3749m), ("NSE:TCS", 3740m), ("NSE:TCS", 3700m)], 10_000m);
        Assert.Equal(DenialReason.ReduceOnly, h.Place("more", "NSE:TCS", Side.Buy, 1).DenialReason);
    }

    [Fact]
    public async Task Ticks_LongAndShortTogetherReachTheLimit_ReducingWhenTheirSumDoes()
    {
        await using var h = new CoreHarness();
        h.CreateAccount(limits: OnePercent);
        h.Tick("NSE:TCS", 4000m);
        h.Tick("NSE:RELIANCE", 2900m);
        h.Place("long", "NSE:TCS", Side.Buy, 30);
        h.Place("short", "NSE:RELIANCE", Side.Sell, 40);
        h.Tick("NSE:TCS", 4000m);
        h.Tick("NSE:RELIANCE", 2900m);
        Assert.Equal(2, Portfolio(h).Positions.Count);

        // Each leg alone stays inside the limit (at most 6,000 each); the limit is reached by the two together.
        AssertReducingExactlyFromBreach(h, [("NSE:TCS", 3900m), ("NSE:RELIANCE", 2940m), ("NSE:TCS", 3850m), ("NSE:RELIANCE", 2960m),
            ("NSE:TCS", 3830m), ("NSE:RELIANCE", 2980m), ("NSE:RELIANCE", 2990m), ("NSE:TCS", 3800m), ("NSE:RELIANCE", 3000m),
            ("NSE:TCS", 3790m)], 10_000m);
    }

    [Fact]
    public async Task GetPortfolio_TicksBetweenMarks_ShowsTheLastTickPrice()
    {
        await using var h = new CoreHarness();
        h.CreateAccount(limits: OnePercent);
        h.Tick("NSE:TCS", 4000m);
        h.Place("buy", "NSE:TCS", Side.Buy, 10);
        h.Tick("NSE:TCS", 4000m);
        h.Tick("NSE:TCS", 4010m);   // inside the portfolio interval and far from the limit: no mark goes to the account
        h.Tick("NSE:TCS", 4020m);

        var position = Assert.Single(Portfolio(h).Positions);
        Assert.Equal(4020m, ProtoDecimal.FromProto(position.LastPrice));
        Assert.Equal(TradingState.Active, State(h));
    }
}
