using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Support;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Brokers;

/// <summary>The behaviour every <see cref="IBrokerAdapter"/> must have, run against each implementation.</summary>
public abstract class BrokerAdapterContractTests
{
    protected abstract IBrokerAdapter CreateAdapter();

    protected static BrokerOrder Limit(string clientId, decimal qty = 5, decimal price = 3900m) => new()
    {
        ClientOrderId = new ClientOrderId(clientId), Symbol = TestData.Tcs, Side = Side.Buy, Type = OrderType.Limit,
        Quantity = qty, LimitPrice = price, AlgoId = "ema_crossover",
    };

    [Fact]
    public async Task PlaceOrder_SameClientOrderIdTwice_PlacesOnce()
    {
        var broker = CreateAdapter();
        var a = await broker.PlaceOrderAsync(Limit("c-1"));
        var b = await broker.PlaceOrderAsync(Limit("c-1"));
        Assert.True(a.IsSuccess, a.ToString());
        Assert.Equal(a.Value!.BrokerOrderId, b.Value!.BrokerOrderId);
        var open = await broker.GetOpenOrdersAsync();
        Assert.Single(open.Value!);
    }

    [Fact]
    public async Task PlaceOrder_RestingLimit_IsOpenWithItsDetails()
    {
        var broker = CreateAdapter();
        var ack = await broker.PlaceOrderAsync(Limit("c-2", 7, 3950m));
        var status = await broker.GetOrderStatusAsync(ack.Value!.BrokerOrderId);
        Assert.True(status.IsSuccess, status.ToString());
        Assert.Equal((OrderStatus.Open, 7m, 0m, 3950m, TestData.Tcs, Side.Buy, OrderType.Limit),
            (status.Value!.Status, status.Value.Quantity, status.Value.FilledQuantity, status.Value.LimitPrice, status.Value.Symbol, status.Value.Side, status.Value.Type));
    }

    [Fact]
    public async Task CancelOrder_Open_Cancels_SecondCancelIsRejected()
    {
        var broker = CreateAdapter();
        var ack = await broker.PlaceOrderAsync(Limit("c-3"));
        Assert.True((await broker.CancelOrderAsync(ack.Value!.BrokerOrderId)).IsSuccess);
        Assert.Equal(OrderStatus.Canceled, (await broker.GetOrderStatusAsync(ack.Value.BrokerOrderId)).Value!.Status);
        Assert.Equal(BrokerErrorKind.Rejected, (await broker.CancelOrderAsync(ack.Value.BrokerOrderId)).Error!.Kind);
        Assert.Empty((await broker.GetOpenOrdersAsync()).Value!);
    }

    [Fact]
    public async Task ModifyOrder_Open_ChangesPriceAndQuantity()
    {
        var broker = CreateAdapter();
        var ack = await broker.PlaceOrderAsync(Limit("c-4"));
        var m = await broker.ModifyOrderAsync(ack.Value!.BrokerOrderId, new OrderModification(Quantity: 9, LimitPrice: 3920m));
        Assert.True(m.IsSuccess, m.ToString());
        var s = (await broker.GetOrderStatusAsync(ack.Value.BrokerOrderId)).Value!;
        Assert.Equal((9m, 3920m), (s.Quantity, s.LimitPrice));
    }

    [Fact]
    public async Task GetOrderStatus_Unknown_IsAnErrorValue()
    {
        var r = await CreateAdapter().GetOrderStatusAsync("nope");
        Assert.False(r.IsSuccess);
        Assert.False(r.Error!.IsTransient);
    }

    [Fact]
    public async Task GetPositions_NoTrades_IsEmpty() => Assert.Empty((await CreateAdapter().GetPositionsAsync()).Value!);
}

public sealed class PaperBrokerContractTests : BrokerAdapterContractTests
{
    protected override IBrokerAdapter CreateAdapter()
    {
        var broker = new PaperBroker(InstrumentCatalog.Default, new ManualTimeProvider(TestData.MarketOpen));
        broker.OnTick(TestData.Tick(TestData.Tcs, 3999.95m, 4000m, 4000m, 1000, TestData.MarketOpen));
        return broker;
    }
}

public sealed class OpenAlgoBrokerContractTests : BrokerAdapterContractTests
{
    protected override IBrokerAdapter CreateAdapter() => new OpenAlgoBroker(new FakeOpenAlgoServer().Client(),
        new OpenAlgoOptions { BaseAddress = new Uri("http://openalgo.test/"), ApiKey = FakeOpenAlgoServer.Key }, new ManualTimeProvider());
}
