using ActorTrading.Actors.Tests.Support;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Model;

public class OrderRequestTests
{
    private static readonly ActorTrading.Actors.Model.InstrumentSpec Tcs = TestData.Spec(TestData.Tcs);

    [Fact]
    public void Validate_WellFormedLimitWithBracket_IsNull() =>
        Assert.Null(TestData.Buy(TestData.Tcs, 10, OrderType.Limit, 4000m, stopLoss: 3960m, takeProfit: 4100m).Validate(Tcs));

    [Fact]
    public void Validate_LimitWithoutPrice_NamesField() =>
        Assert.Contains("limit_price is required", TestData.Buy(TestData.Tcs, 10, OrderType.Limit).Validate(Tcs));

    [Fact]
    public void Validate_MarketWithLimitPrice_IsRefused() =>
        Assert.Contains("not allowed", TestData.Buy(TestData.Tcs, 10, OrderType.Market, 4000m).Validate(Tcs));

    [Fact]
    public void Validate_OffTickPrice_NamesTickSize() =>
        Assert.Contains("tick size 0.05", TestData.Buy(TestData.Tcs, 10, OrderType.Limit, 4000.03m).Validate(Tcs));

    [Fact]
    public void Validate_StopLossAboveBuyEntry_IsRefused() =>
        Assert.Contains("stop_loss 4010", TestData.Buy(TestData.Tcs, 10, OrderType.Limit, 4000m, stopLoss: 4010m).Validate(Tcs));

    [Fact]
    public void Validate_StopMarketNeedsStopPrice() =>
        Assert.Contains("stop_price is required", (TestData.Buy(TestData.Tcs, 10) with { Type = OrderType.StopMarket }).Validate(Tcs));

    [Fact]
    public void Validate_UnspecifiedProduct_IsRefused() =>
        Assert.Contains("product", (TestData.Buy(TestData.Tcs, 10) with { Product = Product.Unspecified }).Validate(Tcs));

    [Fact]
    public void Validate_ZeroQuantity_IsRefused() =>
        Assert.Contains("quantity 0", TestData.Buy(TestData.Tcs, 0).Validate(Tcs));
}
