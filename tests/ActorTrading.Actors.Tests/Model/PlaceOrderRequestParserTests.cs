using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Model;

public class PlaceOrderRequestParserTests
{
    private static PlaceOrderRequest Valid() => new()
    {
        AccountId = "acc-1", ClientOrderId = "c-1", Symbol = "NSE:TCS", Side = Side.Buy, Type = OrderType.Limit,
        Quantity = ProtoDecimal.ToProto(5), LimitPrice = ProtoDecimal.ToProto(4000m), TimeInForce = TimeInForce.Day, Product = Product.Mis,
        StopLoss = ProtoDecimal.ToProto(3980m), TakeProfit = ProtoDecimal.ToProto(4060m), Strategy = "manual",
    };

    [Fact]
    public void TryParse_Valid_BuildsRequest()
    {
        Assert.Null(PlaceOrderRequestParser.TryParse(Valid(), InstrumentCatalog.Default, out var r));
        Assert.Equal((5m, 4000m, (decimal?)null, 3980m), (r!.Quantity, r.LimitPrice, r.StopPrice, r.StopLoss));
    }

    [Fact]
    public void TryParse_QuantityZero_IsAllowedForRiskSizing()
    {
        var p = Valid();
        p.Quantity = null;
        Assert.Null(PlaceOrderRequestParser.TryParse(p, InstrumentCatalog.Default, out var r));
        Assert.Equal(0m, r!.Quantity);
    }

    [Theory]
    [InlineData("account", "account_id: account id is required")]
    [InlineData("symbol", "symbol: unknown symbol NSE:NOPE")]
    [InlineData("side", "side: must be BUY or SELL")]
    [InlineData("tif", "time_in_force: must be DAY, IOC or GTC")]
    [InlineData("limit", "limit_price is required for Limit orders")]
    [InlineData("nanos", "quantity: Decimal units 1 and nanos -5 must carry the same sign")]
    public void TryParse_Invalid_NamesField(string what, string expected)
    {
        var p = Valid();
        switch (what)
        {
            case "account": p.AccountId = ""; break;
            case "symbol": p.Symbol = "NSE:NOPE"; break;
            case "side": p.Side = Side.Unspecified; break;
            case "tif": p.TimeInForce = TimeInForce.Unspecified; break;
            case "limit": p.LimitPrice = null; break;
            case "nanos": p.Quantity = new ActorTrading.Api.V1.Decimal { Units = 1, Nanos = -5 }; break;
        }
        Assert.Equal(expected, PlaceOrderRequestParser.TryParse(p, InstrumentCatalog.Default, out var r));
        Assert.Null(r);
    }
}
