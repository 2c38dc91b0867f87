using ActorTrading.Actors.Strategies;
using ActorTrading.Actors.Tests.Support;
using ActorTrading.Api.V1;
using static ActorTrading.Actors.Tests.Support.TestData;

namespace ActorTrading.Actors.Tests.Pipeline;

public class TradingPipelineTests
{
    private static IStrategy Ema() => StrategyCatalog.Default.TryCreate("ema_crossover",
        new Dictionary<string, string> { ["fast_period"] = "2", ["slow_period"] = "4" }, out _, out _)!;

    [Fact]
    public void EmaCrossEntry_SizedByRisk_FilledAtAsk_TakeProfitExitsAtBid()
    {
        var time = new ManualTimeProvider(MarketOpen);
        var account = new MiniAccount(time, Ema(), 1_000_000m, Tcs);
        decimal[] lasts = [4000, 4000, 4000, 4000, 4000, 4100, 4100];
        for (var m = 0; m < lasts.Length; m++)
            account.OnTick(Tick(Tcs, lasts[m] - 0.05m, lasts[m] + 0.05m, lasts[m], 1000, MarketOpen.AddMinutes(m)));

        // bar 5 closed at 4100: EMA(2) 4066.67 > EMA(4) 4040 → buy; stop 4059 (1%), target 4202.5; risk sizes
        // min(1% of 1,000,000 / 41 = 243, 10% cap 100,000 / 4100 = 24) = 24; market buy fills at the ask 4100.05
        var entry = Assert.Single(account.Orders.All());
        Assert.Equal((OrderStatus.Filled, 24m, 4100.05m), (entry.Status, entry.FilledQuantity, entry.AverageFillPrice));
        Assert.Equal(1, account.Exits.Count);

        account.OnTick(Tick(Tcs, 4209.95m, 4210.05m, 4210m, 1000, MarketOpen.AddMinutes(7)));

        var exit = account.Orders.All().Single(o => o.Side == Side.Sell);
        Assert.Equal((OrderStatus.Filled, 24m, 4209.95m), (exit.Status, exit.FilledQuantity, exit.AverageFillPrice));
        Assert.True(account.Positions.TryGet(Tcs, Product.Mis, out var p));
        Assert.True(p.IsFlat);
        Assert.Equal((4209.95m - 4100.05m) * 24 - 20m - 20m, p.RealizedPnl); // fees capped at 20 per fill
        Assert.Equal(0, account.Exits.Count);
        Assert.Empty(account.Denials);
    }

    [Fact]
    public void EntryOutsideMarketHours_IsDeniedAndRecorded()
    {
        var evening = new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero); // 17:30 IST
        var account = new MiniAccount(new ManualTimeProvider(evening), Ema(), 1_000_000m, Tcs);
        decimal[] lasts = [4000, 4000, 4000, 4000, 4000, 4100, 4100];
        for (var m = 0; m < lasts.Length; m++)
            account.OnTick(Tick(Tcs, lasts[m] - 0.05m, lasts[m] + 0.05m, lasts[m], 1000, evening.AddMinutes(m)));
        var denial = Assert.Single(account.Denials);
        Assert.Equal(DenialReason.MarketClosed, denial.Reason);
        Assert.Equal(OrderStatus.Denied, Assert.Single(account.Orders.All()).Status);
    }
}
