using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Gateways;

public sealed class GatewayActorTests
{
    private static SubmitOrder Submit(int n) =>
        new(new AccountId("load"), new OrderId("O" + n), new BrokerOrder
        {
            ClientOrderId = GatewayRouting.BrokerClientId(new AccountId("load"), new OrderId("O" + n)), Symbol = new SymbolId("NSE:TCS"),
            Side = Side.Buy, Type = OrderType.Market, Quantity = 1,
        });

    [Fact]
    public async Task Gateway_TenTimesOfferedLoad_NeverExceedsRateInAnyWindow()
    {
        FakeBroker? broker = null;
        await using var h = new CoreHarness(o => o with { GatewayQueueCapacity = 10_000, BrokerFactory = _ => broker! });
        broker = new FakeBroker(h.Clock);
        var gateway = TradingCore.GatewayIdentity("paper");
        var n = 0;
        for (var step = 0; step < 12_000; step++)            // 120 s at 100 orders/s (10x the 10/s limit)
        {
            h.Core.Cluster.Send(gateway, Submit(++n));
            h.Run();
            h.Advance(TimeSpan.FromMilliseconds(10));
        }
        var times = broker.Calls.Select(c => c.At).ToList();
        Assert.True(times.Count >= 390, $"only {times.Count} sent");
        for (var i = 0; i < times.Count; i++)
        {
            Assert.True(times.Count(t => t >= times[i] && t < times[i] + TimeSpan.FromSeconds(1)) <= 10, $"more than 10 in the second from {times[i]:O}");
            Assert.True(times.Count(t => t >= times[i] && t < times[i] + TimeSpan.FromMinutes(1)) <= 200, $"more than 200 in the minute from {times[i]:O}");
        }
    }

    [Fact]
    public async Task Gateway_Throttled_SendsCancelBeforeModifyBeforeNew()
    {
        FakeBroker? broker = null;
        await using var h = new CoreHarness(o => o with { BrokerFactory = _ => broker!, GatewayOrdersPerSecond = 1 });
        broker = new FakeBroker(h.Clock);
        var gateway = TradingCore.GatewayIdentity("paper");
        h.Core.Cluster.Send(gateway, Submit(1));
        h.Core.Cluster.Send(gateway, Submit(2));
        h.Core.Cluster.Send(gateway, new ModifyBrokerOrder(new AccountId("load"), new OrderId("O1"), "B1", new OrderModification(Quantity: 2)));
        h.Core.Cluster.Send(gateway, new CancelBrokerOrder(new AccountId("load"), new OrderId("O1"), "B1"));
        h.Run();
        for (var i = 0; i < 5; i++) h.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([GatewayCommandKind.New, GatewayCommandKind.Cancel, GatewayCommandKind.Modify, GatewayCommandKind.New], broker.Calls.Select(c => c.Kind).ToArray());
    }

    [Fact]
    public async Task Gateway_QueueFull_OrderRejectedWithRateLimit()
    {
        await using var h = new CoreHarness(o => o with { GatewayOrdersPerSecond = 1, GatewayQueueCapacity = 1 });
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        h.Place("a", "NSE:TCS", Side.Buy, 1, OrderType.Limit, limit: 3900m);
        h.Place("b", "NSE:TCS", Side.Buy, 1, OrderType.Limit, limit: 3900m);
        var third = h.Place("c", "NSE:TCS", Side.Buy, 1, OrderType.Limit, limit: 3900m);
        h.Run();
        var order = h.Ask<Order>(CoreHarness.Account(), new GetOrderRequest { AccountId = "acc-1", OrderId = third.OrderId });
        Assert.Equal(OrderStatus.Rejected, order.Status);
    }

    [Fact]
    public async Task Gateway_TransientFailures_RetriedThenBreakerOpensAndFailsFast()
    {
        FakeBroker? broker = null;
        await using var h = new CoreHarness(o => o with { BrokerFactory = _ => broker!, BreakerFailureThreshold = 3, Retry = new RetryPolicy(2) });
        broker = new FakeBroker(h.Clock) { FailTransient = 1 };
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var retried = h.Place("r", "NSE:TCS", Side.Buy, 1);
        h.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(OrderStatus.Open, h.Ask<Order>(CoreHarness.Account(), new GetOrderRequest { AccountId = "acc-1", OrderId = retried.OrderId }).Status);
        Assert.Equal(2, broker.Calls.Count);

        broker.FailTransient = 100;
        for (var i = 0; i < 2; i++) { h.Place("f" + i, "NSE:TCS", Side.Buy, 1); h.Advance(TimeSpan.FromSeconds(1)); }
        var calls = broker.Calls.Count;
        var fast = h.Place("fast", "NSE:TCS", Side.Buy, 1);
        h.Run();
        Assert.Equal(calls, broker.Calls.Count);                  // circuit open: not even tried
        Assert.Equal(OrderStatus.Rejected, h.Ask<Order>(CoreHarness.Account(), new GetOrderRequest { AccountId = "acc-1", OrderId = fast.OrderId }).Status);
    }

    [Fact]
    public async Task Gateway_Start_ReconcilesFillsTheAccountMissed()
    {
        FakeBroker? broker = null;
        await using var h = new CoreHarness(o => o with { BrokerFactory = _ => broker! });
        broker = new FakeBroker(h.Clock);
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var ack = h.Place("lim", "NSE:TCS", Side.Buy, 5, OrderType.Limit, limit: 3990m);
        h.Run();
        var pid = h.Core.Cluster.TryGetActivePid(TradingCore.GatewayIdentity("paper"))!;
        var stopping = h.System.Root.StopAsync(pid);
        h.Run();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
        var cid = GatewayRouting.BrokerClientId(new AccountId("acc-1"), new OrderId(ack.OrderId));
        broker.Open.Add(new BrokerOrderSnapshot("B1", cid, new SymbolId("NSE:TCS"), Side.Buy, OrderType.Limit, Product.Mis, 5, 3, 3990m, 3990m, null, OrderStatus.PartiallyFilled));
        h.Core.Cluster.Send(TradingCore.GatewayIdentity("paper"), PumpGateway.Instance);   // the next message activates it again
        h.Run();
        var order = h.Ask<Order>(CoreHarness.Account(), new GetOrderRequest { AccountId = "acc-1", OrderId = ack.OrderId });
        Assert.Equal(3m, ProtoDecimal.FromProto(order.FilledQuantity));
        Assert.Equal(OrderStatus.PartiallyFilled, order.Status);
    }
}
