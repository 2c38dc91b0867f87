using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Support;
using ActorTrading.Api.V1;
using static ActorTrading.Actors.Tests.Support.TestData;

namespace ActorTrading.Actors.Tests.Brokers;

/// <summary>
/// The paper exchange with orders waiting for tick volume: the funds check counts exactly what remains open (kept per
/// symbol/product/side as orders fill, change and end), activation keeps arrival order, and a tick whose volume is used
/// up still triggers stops.
/// </summary>
public class PaperBrokerBacklogTests
{
    private readonly ManualTimeProvider _time = new(MarketOpen);
    private static int _n;

    private PaperBroker Broker(PaperBrokerOptions? options = null) => new(InstrumentCatalog.Default, _time, options);

    private MarketTick T(decimal bid, decimal ask, decimal last, long volume) => Tick(Tcs, bid, ask, last, volume, _time.GetUtcNow());

    private static BrokerOrder Order(Side side, decimal qty, OrderType type = OrderType.Market, decimal? stop = null) => new()
    {
        ClientOrderId = new ClientOrderId("pbb-" + Interlocked.Increment(ref _n)), Symbol = Tcs, Side = side, Type = type, Quantity = qty,
        StopPrice = stop, TimeInForce = TimeInForce.Day, Product = Product.Mis,
    };

    private static List<ExecutionReport> Drain(PaperBroker b)
    {
        var list = new List<ExecutionReport>();
        while (b.ExecutionReports.TryRead(out var r)) list.Add(r);
        return list;
    }

    [Fact]
    public async Task Place_WaitingMarketOrderModifiedThenCanceled_BlocksOnlyItsRemainingQuantity()
    {
        var b = Broker(new PaperBrokerOptions { InitialCash = 50_000m });
        b.OnTick(T(3999, 4000, 4000, volume: 0));
        var first = (await b.PlaceOrderAsync(Order(Side.Buy, 10))).Value!;      // 40,000 blocked, waits for volume
        Assert.StartsWith("insufficient funds", (await b.PlaceOrderAsync(Order(Side.Buy, 3))).Error!.Message);
        Assert.True((await b.ModifyOrderAsync(first.BrokerOrderId, new OrderModification(Quantity: 5))).IsSuccess);
        Assert.True((await b.PlaceOrderAsync(Order(Side.Buy, 3))).IsSuccess);    // 20,000 + 12,000 blocked
        Assert.StartsWith("insufficient funds", (await b.PlaceOrderAsync(Order(Side.Buy, 5))).Error!.Message);
        Assert.True((await b.CancelOrderAsync(first.BrokerOrderId)).IsSuccess);
        Assert.True((await b.PlaceOrderAsync(Order(Side.Buy, 5))).IsSuccess);    // 12,000 + 20,000 blocked
    }

    [Fact]
    public async Task Place_AfterPartialFill_CountsTheRemainderAndTheCashSpent()
    {
        var b = Broker(new PaperBrokerOptions { InitialCash = 50_000m });
        b.OnTick(T(3999, 4000, 4000, volume: 0));
        await b.PlaceOrderAsync(Order(Side.Buy, 10));
        b.OnTick(T(3999, 4000, 4000, volume: 6));                                  // 6 filled: cash 25,992.80, 4 × 4,000 blocked
        Assert.Equal(6m, Drain(b).Where(r => r.IsFill).Sum(r => r.LastQuantity));
        Assert.StartsWith("insufficient funds", (await b.PlaceOrderAsync(Order(Side.Buy, 3))).Error!.Message);
        Assert.True((await b.PlaceOrderAsync(Order(Side.Buy, 2))).IsSuccess);
        Assert.True((await b.PlaceOrderAsync(Order(Side.Sell, 6))).IsSuccess);    // reduces the long 6: no cash needed
    }

    [Fact]
    public async Task Latency_OneCanceledBeforeWorking_OthersActivateInArrivalOrder()
    {
        var b = Broker(new PaperBrokerOptions { Latency = TimeSpan.FromMilliseconds(50) });
        b.OnTick(T(3999, 4001, 4000, volume: 5));
        var a = (await b.PlaceOrderAsync(Order(Side.Buy, 3))).Value!;
        _time.Advance(TimeSpan.FromMilliseconds(10));
        var canceled = (await b.PlaceOrderAsync(Order(Side.Buy, 3))).Value!;
        var c = (await b.PlaceOrderAsync(Order(Side.Buy, 3))).Value!;
        Assert.True((await b.CancelOrderAsync(canceled.BrokerOrderId)).IsSuccess);
        Drain(b);
        _time.Advance(TimeSpan.FromMilliseconds(40));
        Assert.Equal([(a.BrokerOrderId, 3m)], Drain(b).Where(r => r.IsFill).Select(r => (r.BrokerOrderId, r.LastQuantity)));
        _time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.Equal([(c.BrokerOrderId, 2m)], Drain(b).Where(r => r.IsFill).Select(r => (r.BrokerOrderId, r.LastQuantity)));
    }

    [Fact]
    public async Task OnTick_VolumeUsedUpByEarlierOrders_StillTriggersLaterStops()
    {
        var b = Broker();
        b.OnTick(T(3999, 4001, 4000, volume: 0));
        await b.PlaceOrderAsync(Order(Side.Buy, 5));                                     // waits for volume
        var stop = (await b.PlaceOrderAsync(Order(Side.Sell, 1, OrderType.StopMarket, stop: 3950m))).Value!;
        b.OnTick(T(3939, 3941, 3940, volume: 0));                                         // triggers, nothing to fill
        b.OnTick(T(3989, 3991, 3990, volume: 10));                                        // above the stop again
        var fills = Drain(b).Where(r => r.IsFill).ToList();
        Assert.Equal([(5m, 3991m), (1m, 3989m)], fills.Select(f => (f.LastQuantity, f.LastPrice)));
        Assert.Equal(stop.BrokerOrderId, fills[1].BrokerOrderId);
    }
}
