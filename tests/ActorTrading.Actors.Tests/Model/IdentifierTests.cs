using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Tests.Model;

public class IdentifierTests
{
    [Theory]
    [InlineData("NSE:RELIANCE", "NSE", "RELIANCE")]
    [InlineData("BSE:M&M", "BSE", "M&M")]
    [InlineData("NSE:BAJAJ-AUTO", "NSE", "BAJAJ-AUTO")]
    public void SymbolId_ValidValue_SplitsExchangeAndSymbol(string value, string exchange, string symbol)
    {
        var id = new SymbolId(value);
        Assert.Equal(exchange, id.Exchange);
        Assert.Equal(symbol, id.Symbol);
        Assert.Equal(value, id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("RELIANCE")]
    [InlineData("nse:reliance")]
    [InlineData("NSE:")]
    [InlineData(":RELIANCE")]
    [InlineData("NSE:REL:X")]
    [InlineData("NSE:REL IANCE")]
    public void SymbolId_InvalidValue_TryParseFailsAndConstructorThrows(string value)
    {
        Assert.False(SymbolId.TryParse(value, out _));
        Assert.Throws<ArgumentException>(() => new SymbolId(value));
    }

    [Fact]
    public void SymbolId_SameValue_AreEqual() =>
        Assert.Equal(new SymbolId("NSE", "TCS"), SymbolId.Parse("NSE:TCS"));

    [Fact]
    public void SymbolId_Default_IsEmpty() => Assert.True(default(SymbolId).IsEmpty);

    [Theory]
    [InlineData("acc-1", true)]
    [InlineData("a.b_c:d", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("ünïcode", false)]
    public void AccountId_TryParse_ValidatesCharacters(string value, bool ok)
    {
        Assert.Equal(ok, AccountId.TryParse(value, out var id));
        if (ok) Assert.Equal(value, id.Value);
    }

    [Fact]
    public void ClientOrderId_TooLong_IsRefusedWithLength()
    {
        var e = Assert.Throws<ArgumentException>(() => new ClientOrderId(new string('x', 65)));
        Assert.Contains("64", e.Message);
    }

    [Fact]
    public void OrderId_TryParseNull_ReturnsFalse() => Assert.False(OrderId.TryParse(null, out _));
}
