using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Support;
using ActorTrading.Api.V1;
using static ActorTrading.Actors.Tests.Support.TestData;

namespace ActorTrading.Actors.Tests.Brokers;

public class PaperBrokerTests
{
    private readonly ManualTimeProvider _time = new(MarketOpen);
    private static int _n;

    private PaperBroker Broker(PaperBrokerOptions? options = null) => new(InstrumentCatalog.Default, _time, options);

    private MarketTick T(decimal bid, decimal ask, decimal last, long volume = 1000) => Tick(Tcs, bid, ask, last, volume, _time.GetUtcNow());

    private static BrokerOrder Order(Side side, decimal qty, OrderType type = OrderType.Market, decimal? limit = null, decimal? stop = null,
        TimeInForce tif = TimeInForce.Day, Product product = Product.Mis) => new()
    {
        ClientOrderId = new ClientOrderId("pb-" + Interlocked.Increment(ref _n)), Symbol = Tcs, Side = side, Type = type, Quantity = qty,
        LimitPrice = limit, StopPrice = stop, TimeInForce = tif, Product = product,
    };

    private static List<ExecutionReport> Drain(PaperBroker b)
    {
        var list = new List<ExecutionReport>();
        while (b.ExecutionReports.TryRead(out var r)) list.Add(r);
        return list;
    }

    [Fact]
    public async Task MarketBuy_FillsAtAskNotLast_MarketSellAtBid()
    {
        var b = Broker();
        b.OnTick(T(3999, 4001, 4000.5m));
        await b.PlaceOrderAsync(Order(Side.Buy, 10));
        await b.PlaceOrderAsync(Order(Side.Sell, 4));
        var fills = Drain(b).Where(r => r.IsFill).ToList();
        Assert.Equal([4001m, 3999m], fills.Select(f => f.LastPrice));
        Assert.Equal(OrderStatus.Filled, fills[0].Status);
    }

    [Fact]
    public async Task LimitBuy_RestsUntilAskCrosses_FillsAtAsk()
    {
        var b = Broker();
        b.OnTick(T(3999, 4001, 4000));
        var ack = await b.PlaceOrderAsync(Order(Side.Buy, 5, OrderType.Limit, 3995m));
        Assert.Equal(OrderStatus.Open, ack.Value!.Status);
        b.OnTick(T(3994, 3996, 3995));
        Assert.DoesNotContain(Drain(b), r => r.IsFill);
        b.OnTick(T(3992, 3994.5m, 3993));
        var fill = Drain(b).Single(r => r.IsFill);
        Assert.Equal((5m, 3994.5m), (fill.LastQuantity, fill.LastPrice));
    }

    [Fact]
    public async Task StopMarketSell_TriggersOnLastAtOrBelowStop_FillsAtBid()
    {
        var b = Broker();
        b.OnTick(T(3999, 4001, 4000));
        await b.PlaceOrderAsync(Order(Side.Sell, 3, OrderType.StopMarket, stop: 3950m));
        b.OnTick(T(3951, 3953, 3952));
        Assert.DoesNotContain(Drain(b), r => r.IsFill);
        b.OnTick(T(3948, 3950, 3950));
        Assert.Equal(3948m, Drain(b).Single(r => r.IsFill).LastPrice);
    }

    [Fact]
    public async Task StopLimitBuy_TriggeredThenWaitsForLimit()
    {
        var b = Broker();
        b.OnTick(T(3999, 4001, 4000));
        await b.PlaceOrderAsync(Order(Side.Buy, 2, OrderType.StopLimit, limit: 4020m, stop: 4010m));
        b.OnTick(T(4024, 4026, 4025)); // triggers, but ask 4026 > limit 4020
        Assert.DoesNotContain(Drain(b), r => r.IsFill);
        b.OnTick(T(4015, 4018, 4016));
        Assert.Equal(4018m, Drain(b).Single(r => r.IsFill).LastPrice);
    }

    [Fact]
    public async Task LargeOrder_FillsPartiallyAgainstTickVolume()
    {
        var b = Broker();
        b.OnTick(T(3999, 4001, 4000, volume: 30));
        await b.PlaceOrderAsync(Order(Side.Buy, 50));
        b.OnTick(T(3999, 4002, 4000, volume: 15));
        b.OnTick(T(3999, 4003, 4000, volume: 100));
        var fills = Drain(b).Where(r => r.IsFill).ToList();
        Assert.Equal([30m, 15m, 5m], fills.Select(f => f.LastQuantity));
        Assert.Equal([OrderStatus.PartiallyFilled, OrderStatus.PartiallyFilled, OrderStatus.Filled], fills.Select(f => f.Status));
        Assert.Equal((30 * 4001m + 15 * 4002m + 5 * 4003m) / 50, fills[^1].AveragePrice);
    }

    [Fact]
    public async Task TickVolume_IsSharedBetweenOrdersInArrivalOrder()
    {
        var b = Broker();
        await b.PlaceOrderAsync(Order(Side.Buy, 8));
        await b.PlaceOrderAsync(Order(Side.Buy, 8));
        b.OnTick(T(3999, 4001, 4000, volume: 10));
        Assert.Equal([8m, 2m], Drain(b).Where(r => r.IsFill).Select(f => f.LastQuantity));
    }

    [Fact]
    public async Task Latency_OrderWorksOnlyAfterDelay()
    {
        var b = Broker(new PaperBrokerOptions { Latency = TimeSpan.FromMilliseconds(50) });
        b.OnTick(T(3999, 4001, 4000));
        var ack = await b.PlaceOrderAsync(Order(Side.Buy, 1));
        Assert.Equal(OrderStatus.Accepted, ack.Value!.Status);
        _time.Advance(TimeSpan.FromMilliseconds(49));
        Assert.Empty(Drain(b));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var reports = Drain(b);
        Assert.Equal([OrderStatus.Open, OrderStatus.Filled], reports.Select(r => r.Status));
        Assert.Equal(MarketOpen.AddMilliseconds(50), reports[1].Time);
    }

    [Fact]
    public async Task Fees_PercentCappedPerFill_ReduceCash()
    {
        var b = Broker(new PaperBrokerOptions { InitialCash = 1_000_000m });
        b.OnTick(T(3999, 4000, 4000));
        await b.PlaceOrderAsync(Order(Side.Buy, 1));   // 4000 × 0.03% = 1.20
        await b.PlaceOrderAsync(Order(Side.Buy, 100)); // 400000 × 0.03% = 120 → capped 20
        var fees = Drain(b).Where(r => r.IsFill).Select(r => r.Fees).ToArray();
        Assert.Equal([1.20m, 20m], fees);
        Assert.Equal(1_000_000m - 101 * 4000m - 21.20m, b.Cash);
    }

    [Theory]
    [InlineData(OrderType.Limit, 4000.03, "tick size")]
    [InlineData(OrderType.Limit, 4500, "price band")]
    public async Task Place_BadPrice_IsRejected(OrderType type, double price, string expected)
    {
        var b = Broker();
        b.OnTick(T(3999, 4001, 4000));
        var r = await b.PlaceOrderAsync(Order(Side.Buy, 1, type, (decimal)price));
        Assert.Equal(BrokerErrorKind.Rejected, r.Error!.Kind);
        Assert.Contains(expected, r.Error.Message);
    }

    [Fact]
    public async Task Place_InsufficientFunds_IsRejectedCountingOpenOrders()
    {
        var b = Broker(new PaperBrokerOptions { InitialCash = 50_000m });
        b.OnTick(T(3999, 4000, 4000));
        Assert.True((await b.PlaceOrderAsync(Order(Side.Buy, 10, OrderType.Limit, 3990m))).IsSuccess);
        var r = await b.PlaceOrderAsync(Order(Side.Buy, 3, OrderType.Limit, 3990m));
        Assert.StartsWith("insufficient funds", r.Error!.Message);
    }

    [Fact]
    public async Task Place_CncSellWithoutHoldings_IsRejected_UnknownSymbolToo()
    {
        var b = Broker();
        b.OnTick(T(3999, 4001, 4000));
        Assert.StartsWith("insufficient holdings", (await b.PlaceOrderAsync(Order(Side.Sell, 1, product: Product.Cnc))).Error!.Message);
        var unknown = Order(Side.Buy, 1) with { Symbol = new SymbolId("NSE:NOPE") };
        Assert.Contains("unknown symbol", (await b.PlaceOrderAsync(unknown)).Error!.Message);
    }

    [Fact]
    public async Task Ioc_UnfilledRemainder_IsCanceled()
    {
        var b = Broker();
        b.OnTick(T(3999, 4001, 4000, volume: 4));
        await b.PlaceOrderAsync(Order(Side.Buy, 10, tif: TimeInForce.Ioc));
        var last = Drain(b)[^1];
        Assert.Equal((OrderStatus.Canceled, 4m), (last.Status, last.FilledQuantity));
    }

    [Fact]
    public async Task EndOfDay_ExpiresDayOrders_KeepsGtc()
    {
        var b = Broker();
        b.OnTick(T(3999, 4001, 4000));
        await b.PlaceOrderAsync(Order(Side.Buy, 1, OrderType.Limit, 3900m));
        await b.PlaceOrderAsync(Order(Side.Buy, 1, OrderType.Limit, 3900m, tif: TimeInForce.Gtc));
        Assert.Equal(1, b.EndOfDay());
        Assert.Single((await b.GetOpenOrdersAsync()).Value!);
    }

    [Fact]
    public async Task Fills_UpdateBrokerPositions()
    {
        var b = Broker();
        b.OnTick(T(3999, 4001, 4000));
        await b.PlaceOrderAsync(Order(Side.Buy, 10));
        await b.PlaceOrderAsync(Order(Side.Sell, 4));
        var p = Assert.Single((await b.GetPositionsAsync()).Value!);
        Assert.Equal((6m, 4001m), (p.Quantity, p.AveragePrice));
    }

    [Fact]
    public async Task Modify_LimitToMarketable_FillsImmediately_CancelAfterFillRejected()
    {
        var b = Broker();
        b.OnTick(T(3999, 4001, 4000));
        var ack = await b.PlaceOrderAsync(Order(Side.Buy, 2, OrderType.Limit, 3990m));
        await b.ModifyOrderAsync(ack.Value!.BrokerOrderId, new OrderModification(LimitPrice: 4005m));
        Assert.Equal(OrderStatus.Filled, (await b.GetOrderStatusAsync(ack.Value.BrokerOrderId)).Value!.Status);
        Assert.Contains("FILLED", (await b.CancelOrderAsync(ack.Value.BrokerOrderId)).Error!.Message);
    }
}
