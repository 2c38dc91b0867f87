using ActorTrading.Actors.InMemory;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Events.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorTrading.Actors.Tests.Accounts;

/// <summary>
/// The read models keep an order's status as the account's order book does (history after a restart is read from them):
/// OrderSubmitted opens only an ACCEPTED order and only with a broker id; a fill that came first wins.
/// </summary>
public sealed class ReadModelOrderStatusTests
{
    private static readonly Timestamp At = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 1, 5, 4, 30, 0, TimeSpan.Zero));

    internal static AccountEvent Accepted => new()
    {
        At = At,
        OrderAccepted = new OrderAccepted
        {
            OrderId = "O2", ClientOrderId = "c", Symbol = "NSE:TCS", Side = Side.Buy, Type = OrderType.Market, Quantity = ProtoDecimal.ToProto(5m),
            Product = Product.Mis, TimeInForce = TimeInForce.Day,
        },
    };

    internal static AccountEvent Filled => new()
    {
        At = At,
        OrderFilled = new OrderFilled
        {
            OrderId = "O2", TradeId = "t1", Symbol = "NSE:TCS", Side = Side.Buy, Product = Product.Mis, Quantity = ProtoDecimal.ToProto(5m),
            Price = ProtoDecimal.ToProto(100m), FilledQuantityAfter = ProtoDecimal.ToProto(5m), AverageFillPriceAfter = ProtoDecimal.ToProto(100m),
            OrderComplete = true, Time = At,
        },
    };

    internal static AccountEvent Submitted(string brokerId) => new() { At = At, OrderSubmitted = new OrderSubmitted { OrderId = "O2", GatewayId = "paper", BrokerOrderId = brokerId } };

    private static async Task<OrderStatus> StatusAfter(params AccountEvent[][] appends)
    {
        var store = new InMemoryReadModelStore();
        var journal = new InMemoryAccountJournal(store);
        var opened = new AccountEvent { At = At, AccountOpened = new AccountOpened { DisplayName = "a", InitialCash = ProtoDecimal.ToProto(1000m) } };
        await journal.AppendAsync("acc-1", 1, [opened]);
        var seq = 2L;
        foreach (var events in appends)
        {
            await journal.AppendAsync("acc-1", seq, events);
            seq += events.Length;
        }
        return (await store.GetOrderAsync("acc-1", "O2"))!.Status;
    }

    [Fact]
    public async Task Submitted_AfterTheFill_OrderStaysFilled()
    {
        Assert.Equal(OrderStatus.Filled, await StatusAfter([Accepted], [Filled], [Submitted("B1")]));
        Assert.Equal(OrderStatus.Filled, await StatusAfter([Accepted], [Filled, Submitted("B1")]));
        Assert.Equal(OrderStatus.Filled, await StatusAfter([Accepted, Filled, Submitted("B1")]));
    }

    [Fact]
    public async Task Submitted_WithBrokerId_AcceptedOrderOpens()
    {
        Assert.Equal(OrderStatus.Open, await StatusAfter([Accepted], [Submitted("B1")]));
        Assert.Equal(OrderStatus.Open, await StatusAfter([Accepted, Submitted("B1")]));
        Assert.Equal(OrderStatus.Filled, await StatusAfter([Accepted], [Submitted("B1"), Filled]));
    }

    [Fact]
    public async Task Submitted_WithoutBrokerId_OrderStaysAccepted()
    {
        Assert.Equal(OrderStatus.Accepted, await StatusAfter([Accepted], [Submitted("")]));
        Assert.Equal(OrderStatus.Accepted, await StatusAfter([Accepted, Submitted("")]));
    }
}
