using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Support;

namespace ActorTrading.Actors.Tests.Model;

public class InstrumentTests
{
    [Fact]
    public void DefaultCatalog_ContainsTheFiveNseDemoSymbols()
    {
        foreach (var s in new[] { "NSE:RELIANCE", "NSE:TCS", "NSE:INFY", "NSE:HDFCBANK", "NSE:ICICIBANK" })
        {
            Assert.True(InstrumentCatalog.Default.TryGet(new SymbolId(s), out var spec));
            Assert.Equal(0.05m, spec.TickSize);
            Assert.Equal(1m, spec.LotSize);
            Assert.True(spec.ReferencePrice > 0);
            Assert.False(string.IsNullOrEmpty(spec.Sector));
        }
    }

    [Fact]
    public void Catalog_DuplicateSymbol_Throws()
    {
        var spec = TestData.Spec(TestData.Tcs);
        Assert.Throws<ArgumentException>(() => new InstrumentCatalog([spec, spec]));
    }

    [Theory]
    [InlineData("100.05", true)]
    [InlineData("100.07", false)]
    [InlineData("0", false)]
    public void ValidatePrice_ChecksTickGrid(string price, bool ok)
    {
        var error = TestData.Spec(TestData.Reliance).ValidatePrice(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), "limit_price");
        Assert.Equal(ok, error is null);
    }

    [Fact]
    public void ValidateQuantity_NotWholeLots_NamesLotSize()
    {
        var spec = new InstrumentSpec(new SymbolId("NSE:NIFTYFUT"), 0.05m, 50m, "INDEX");
        Assert.Null(spec.ValidateQuantity(100));
        Assert.Contains("lot size 50", spec.ValidateQuantity(75));
        Assert.Equal(50m, spec.RoundDownToLot(99));
    }

    [Fact]
    public void RoundToTick_RoundsToNearestTick() =>
        Assert.Equal(100.05m, TestData.Spec(TestData.Tcs).RoundToTick(100.03m));

    [Fact]
    public void DecimalMath_Sqrt_IsAccurate()
    {
        Assert.Equal(1.4142135623730950488016887242m, DecimalMath.Sqrt(2m), 25);
        Assert.Equal(12m, DecimalMath.Sqrt(144m));
        Assert.Throws<ArgumentException>(() => DecimalMath.Sqrt(-1));
    }

    [Theory]
    [InlineData("0.0000000001")]
    [InlineData("0.25")]
    [InlineData("3")]
    [InlineData("2.75")]
    [InlineData("16000000.123456789")]
    [InlineData("79228162514264337593543950335")]
    public void DecimalMath_Sqrt_IsExactToDecimalPrecision(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var root = DecimalMath.Sqrt(value);
        var relativeError = Math.Abs(value / root - root) / root; // value / root avoids overflowing near decimal.MaxValue
        Assert.True(relativeError < 0.000000000000000000001m, $"sqrt({value}) = {root}, error {relativeError}");
    }
}
