using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Api.V1;
using Xunit;
using Position = ActorTrading.Actors.Model.Position;

namespace ActorTrading.Actors.Tests.Risk;

public sealed class RiskMarkingTests
{
    private static readonly SymbolId Sym = new("NSE:INFY");
    private static readonly InstrumentCatalog Instruments = new([]);

    private static Fill Fill(Side side, decimal quantity) =>
        new("T1", new OrderId("O1"), Sym, side, Product.Mis, quantity, 1500m, 0m, DateTimeOffset.UnixEpoch);

    /// <summary>The snapshot the account would send after marking its book to <paramref name="price"/>.</summary>
    private static RiskSnapshot AccountSnapshot(PositionBook book, decimal cash, decimal startOfDay) => new()
    {
        Account = new AccountId("a1"), Cash = cash, StartOfDayEquity = startOfDay,
        Equity = cash + book.All.Sum(p => p.MarketValue), DayPnl = book.DayPnl,
        Positions = book.All.Where(p => !p.IsFlat).Select(PositionExposure.From).ToArray(), Instruments = Instruments,
        Limits = RiskSettings.Default with { MaxDailyLossPercent = 2m },
    };

    [Fact]
    public void Remark_CraftedSeries_EqualsAccountViewAfterEachMarkAndSameDecision()
    {
        var book = new PositionBook();
        book.Apply(Fill(Side.Buy, 100));
        var stale = AccountSnapshot(book, 50_000m, 200_000m);   // the view risk got when the position opened
        decimal[] series = [1500m, 1510.5m, 1490m, 1460m, 1400m, 1380.25m, 1420m];
        foreach (var price in series)
        {
            book.Mark(Sym, price);
            var expected = AccountSnapshot(book, 50_000m, 200_000m);
            var remarked = RiskMarking.Remark(stale, price, static (p, _) => (true, p));
            Assert.Equal(expected.Equity, remarked.Equity);
            Assert.Equal(expected.DayPnl, remarked.DayPnl);
            Assert.Equal(expected.Positions, remarked.Positions);
            Assert.Equal(DailyLossRule.IsBreached(expected), DailyLossRule.IsBreached(remarked));
            Assert.Equal(RiskEngine.StateAfterMark(expected), RiskEngine.StateAfterMark(remarked));
        }
        Assert.True(DailyLossRule.IsBreached(RiskMarking.Remark(stale, 1380.25m, static (p, _) => (true, p))));
    }

    [Fact]
    public void Remark_PriceNotFresh_ReturnsSameSnapshot()
    {
        var book = new PositionBook();
        book.Apply(Fill(Side.Sell, 10));
        var snapshot = AccountSnapshot(book, 10_000m, 10_000m);
        Assert.Same(snapshot, RiskMarking.Remark(snapshot, 0, static (_, _) => (false, 0m)));
        Assert.Same(snapshot, RiskMarking.Remark(snapshot, 0, static (_, _) => (true, 1500m)));
    }

    [Fact]
    public void Remark_ShortPositionPriceRises_LowersEquityAndDayPnl()
    {
        var book = new PositionBook();
        book.Apply(Fill(Side.Sell, 10));
        var snapshot = AccountSnapshot(book, 10_000m, 10_000m);
        var remarked = RiskMarking.Remark(snapshot, 0, static (_, _) => (true, 1520m));
        Assert.Equal(snapshot.Equity - 200m, remarked.Equity);
        Assert.Equal(snapshot.DayPnl - 200m, remarked.DayPnl);
        Assert.Equal(1520m, remarked.Positions[0].Price);
    }
}
