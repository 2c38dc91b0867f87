using ActorTrading.Actors.Risk;
using ActorTrading.Actors.Tests.Support;
using ActorTrading.Api.V1;
using static ActorTrading.Actors.Tests.Risk.RiskTestKit;
using static ActorTrading.Actors.Tests.Support.TestData;

namespace ActorTrading.Actors.Tests.Risk;

public class RiskRuleTests
{
    private static readonly PositionExposure LongTcs = new(Tcs, Product.Mis, 10, 4000m);

    [Fact]
    public void TradingState_Halted_DeniesEverything()
    {
        var d = TradingStateRule.Check(Check(Sell(Tcs, 5), Snapshot(positions: [LongTcs], state: TradingState.Halted)));
        Assert.Equal(DenialReason.TradingHalted, d!.Reason);
    }

    [Fact]
    public void TradingState_Reducing_AllowsOnlyReducingOrders()
    {
        var s = Snapshot(positions: [LongTcs], state: TradingState.Reducing);
        Assert.Null(TradingStateRule.Check(Check(Sell(Tcs, 5), s)));
        Assert.Equal(DenialReason.ReduceOnly, TradingStateRule.Check(Check(Buy(Tcs, 5), s))!.Reason);
        Assert.Equal(DenialReason.ReduceOnly, TradingStateRule.Check(Check(Sell(Tcs, 11), s))!.Reason);
    }

    [Fact]
    public void RiskCheck_ReducingWithQuantityZero_ClosesWholePosition()
    {
        var c = Check(Sell(Tcs, 0), Snapshot(positions: [LongTcs]));
        Assert.True(c.Reduces);
        Assert.Equal(10m, c.Quantity);
    }

    [Fact]
    public void RiskCheck_PendingExitsCount_SecondFullExitIsNotReducing()
    {
        var pendingExit = Pending(Tcs, 10, 4000m, opening: false, side: Side.Sell);
        Assert.False(Check(Sell(Tcs, 10), Snapshot(positions: [LongTcs], open: [pendingExit])).Reduces);
    }

    [Fact]
    public void MarketHours_Closed_DeniesWithLocalTime()
    {
        var calendar = MarketCalendar.Nse();
        var evening = new DateTimeOffset(2026, 1, 5, 11, 0, 0, TimeSpan.Zero); // 16:30 IST
        var d = MarketHoursRule.Check(Check(Buy(Tcs, 1), Snapshot(), now: evening), calendar);
        Assert.Equal(DenialReason.MarketClosed, d!.Reason);
        Assert.Contains("16:30", d.Message);
        Assert.Null(MarketHoursRule.Check(Check(Buy(Tcs, 1), Snapshot(limits: new RiskSettings { EnforceMarketHours = false }), now: evening), calendar));
        Assert.Null(MarketHoursRule.Check(Check(Buy(Tcs, 1), Snapshot()), calendar));
    }

    [Fact]
    public void MaxOrdersPerDay_AtLimit_DeniesWithCount()
    {
        var d = MaxOrdersPerDayRule.Check(Check(Buy(Tcs, 1), Snapshot(ordersToday: 100)));
        Assert.Equal("max orders per day 100 reached (100 today)", d!.Message);
        Assert.Null(MaxOrdersPerDayRule.Check(Check(Buy(Tcs, 1), Snapshot(ordersToday: 99))));
    }

    [Fact]
    public void DailyLoss_ThreePercentReached_DeniesOpeningButAllowsReducing()
    {
        var s = Snapshot(equity: 100_000m, dayPnl: -3_000m, positions: [LongTcs]);
        var d = DailyLossRule.Check(Check(Buy(Infy, 1), s));
        Assert.Equal(DenialReason.MaxDailyLoss, d!.Reason);
        Assert.Contains("3000", d.Message);
        Assert.Null(DailyLossRule.Check(Check(Sell(Tcs, 10), s)));
        Assert.Null(DailyLossRule.Check(Check(Buy(Infy, 1), Snapshot(equity: 100_000m, dayPnl: -2_999.99m))));
    }

    [Fact]
    public void PriceBand_LimitMoreThanFivePercentAway_IsDenied()
    {
        var d = PriceBandRule.Check(Check(Buy(Tcs, 1, OrderType.Limit, 4250m), Snapshot()));
        Assert.Equal(DenialReason.PriceBand, d!.Reason);
        Assert.Contains("6.25% from last price 4000", d.Message);
        Assert.Null(PriceBandRule.Check(Check(Buy(Tcs, 1, OrderType.Limit, 4200m), Snapshot())));
    }

    [Fact]
    public void PriceBand_NoLastPrice_IsDenied()
    {
        var s = Snapshot() with { LastPrices = new Dictionary<ActorTrading.Actors.Model.SymbolId, decimal>() };
        Assert.Contains("no last price", PriceBandRule.Check(Check(Buy(Tcs, 1), s))!.Message);
    }

    [Fact]
    public void RewardRisk_BelowMinimum_DeniedWithRatio()
    {
        var d = RewardRiskRule.Check(Check(Buy(Tcs, 1, stopLoss: 3980m, takeProfit: 4040m), Snapshot()));
        Assert.Equal(DenialReason.MinRewardRisk, d!.Reason);
        Assert.Contains("reward:risk 2 is below the minimum 2.5", d.Message);
        Assert.Null(RewardRiskRule.Check(Check(Buy(Tcs, 1, stopLoss: 3980m, takeProfit: 4050m), Snapshot())));
    }

    [Fact]
    public void RewardRisk_StopOnWrongSide_IsDenied() =>
        Assert.NotNull(RewardRiskRule.Check(Check(Buy(Tcs, 1, stopLoss: 4010m, takeProfit: 4100m), Snapshot())));

    [Fact]
    public void PositionSizer_RiskQuantity_FloorsToLot()
    {
        // 1% of 1,000,000 = 10,000 risk; |100 - 97| = 3 → 3333.33 → 3333; lot 50 → 3300
        Assert.Equal(3300m, PositionSizer.RiskQuantity(1_000_000m, 1m, 100m, 97m, 50m));
        Assert.Equal(0m, PositionSizer.RiskQuantity(1_000_000m, 1m, 100m, 100m, 1m));
    }

    [Fact]
    public void PositionSizer_QuantityZero_SizesByRiskCappedByMaxPosition()
    {
        // equity 1,000,000: risk 10,000 / |4000-3990| = 1000 shares; cap 10% = 100,000 / 4000 = 25 shares
        var c = Check(Buy(Tcs, 0, stopLoss: 3990m), Snapshot());
        Assert.Null(PositionSizer.Apply(c));
        Assert.Equal(25m, c.Quantity);
        // wide stop: 10,000 / 800 = 12 shares < cap
        var wide = Check(Buy(Tcs, 0, stopLoss: 3200m), Snapshot());
        Assert.Null(PositionSizer.Apply(wide));
        Assert.Equal(12m, wide.Quantity);
    }

    [Fact]
    public void PositionSizer_QuantityZeroWithoutStop_IsDenied() =>
        Assert.Contains("needs a stop_loss", PositionSizer.Apply(Check(Buy(Tcs, 0), Snapshot()))!.Message);

    [Fact]
    public void PositionSizer_ExplicitQuantityOverCap_IsDenied()
    {
        var d = PositionSizer.Apply(Check(Buy(Tcs, 26), Snapshot()));
        Assert.Equal(DenialReason.MaxPositionSize, d!.Reason);
        Assert.Contains("104000", d.Message);
        Assert.Null(PositionSizer.Apply(Check(Buy(Tcs, 25), Snapshot())));
    }

    [Fact]
    public void MaxOrderNotional_OverLimit_IsDenied()
    {
        var s = Snapshot(limits: new RiskSettings { MaxOrderNotional = 50_000m });
        Assert.Equal(DenialReason.MaxOrderNotional, MaxOrderNotionalRule.Check(Check(Buy(Tcs, 13), s))!.Reason);
        Assert.Null(MaxOrderNotionalRule.Check(Check(Buy(Tcs, 12), s)));
        Assert.Null(MaxOrderNotionalRule.Check(Check(Buy(Tcs, 1000), Snapshot())));
    }

    [Fact]
    public void MaxOpenPositions_ThreeOpen_DeniesNewSymbolWithExactMessage()
    {
        var s = Snapshot(positions: [LongTcs, new(Infy, Product.Mis, 1, 1800m), new(Hdfc, Product.Mis, -1, 1650m)]);
        Assert.Equal("max open positions 3 reached (3 open)", MaxOpenPositionsRule.Check(Check(Buy(Reliance, 1), s))!.Message);
        Assert.Null(MaxOpenPositionsRule.Check(Check(Buy(Tcs, 1), s)));
    }

    [Fact]
    public void MaxOpenPositions_PendingOpeningOrdersCount()
    {
        var s = Snapshot(positions: [LongTcs], open: [Pending(Infy, 1, 1800m), Pending(Hdfc, 1, 1650m)]);
        var d = MaxOpenPositionsRule.Check(Check(Buy(Reliance, 1), s));
        Assert.Equal("max open positions 3 reached (1 open, 2 pending)", d!.Message);
        Assert.Null(MaxOpenPositionsRule.Check(Check(Buy(Infy, 1), s)));
    }

    [Fact]
    public void MaxTradesPerDay_AtLimit_DeniesEntriesNotExits()
    {
        var s = Snapshot(tradesToday: 5, positions: [LongTcs]);
        Assert.Equal("max trades per day 5 reached (5 today)", MaxTradesPerDayRule.Check(Check(Buy(Infy, 1), s))!.Message);
        Assert.Null(MaxTradesPerDayRule.Check(Check(Sell(Tcs, 10), s)));
    }

    [Fact]
    public void SectorExposure_OverSectorLimit_IsDenied()
    {
        var limits = new RiskSettings { MaxSectorPercent = new Dictionary<string, decimal> { ["IT"] = 5m } };
        var s = Snapshot(limits: limits, positions: [LongTcs]); // IT exposure 40,000 of 50,000 allowed
        var d = SectorExposureRule.Check(Check(Buy(Infy, 6), s)); // +10,800
        Assert.Equal(DenialReason.SectorExposure, d!.Reason);
        Assert.Contains("sector IT exposure 50800", d.Message);
        Assert.Null(SectorExposureRule.Check(Check(Buy(Infy, 5), s)));
        Assert.Null(SectorExposureRule.Check(Check(Buy(Reliance, 100), s)));
    }

    [Fact]
    public void BuyingPower_InsufficientCash_DeniedWithNumbers()
    {
        var s = Snapshot(equity: 1_000_000m, cash: 10_000m, open: [Pending(Infy, 2, 1800m)]);
        var d = BuyingPowerRule.Check(Check(Buy(Tcs, 2), s));
        Assert.Equal("order needs 8000, available 6400 (cash 10000, reserved by pending orders 3600)", d!.Message);
        Assert.Null(BuyingPowerRule.Check(Check(Buy(Tcs, 1), s)));
    }

    [Fact]
    public void BuyingPower_MarginPercent_ReducesCashNeeded() =>
        Assert.Null(BuyingPowerRule.Check(Check(Buy(Tcs, 10), Snapshot(cash: 10_000m, limits: new RiskSettings { MarginPercent = 20m }))));
}
