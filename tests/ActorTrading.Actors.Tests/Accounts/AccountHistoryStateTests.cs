using ActorTrading.Actors.Accounts;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Events.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorTrading.Actors.Tests.Accounts;

/// <summary>What part of its history an account holds in memory (the rest is read from the read models).</summary>
public sealed class AccountHistoryStateTests
{
    private static readonly Timestamp At = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 1, 5, 4, 30, 0, TimeSpan.Zero));

    private static AccountState Filled(int fills)
    {
        var state = new AccountState(new AccountId("acc-1"), _ => "2026-01-05");
        state.Apply(new AccountEvent { At = At, AccountOpened = new AccountOpened { DisplayName = "a", InitialCash = ProtoDecimal.ToProto(1_000_000_000m) } }, 1);
        state.Apply(new AccountEvent
        {
            At = At,
            OrderAccepted = new OrderAccepted
            {
                OrderId = "O2", ClientOrderId = "c", Symbol = "NSE:TCS", Side = Side.Buy, Type = OrderType.Market, Quantity = ProtoDecimal.ToProto(1_000_000m),
                Product = Product.Mis, TimeInForce = TimeInForce.Day,
            },
        }, 2);
        for (var i = 0; i < fills; i++)
            state.Apply(new AccountEvent
            {
                At = At,
                OrderFilled = new OrderFilled
                {
                    OrderId = "O2", TradeId = $"t{i}", Symbol = "NSE:TCS", Side = Side.Buy, Product = Product.Mis, Quantity = ProtoDecimal.ToProto(1m),
                    Price = ProtoDecimal.ToProto(100m), CashAfter = ProtoDecimal.ToProto(1_000_000_000m - 100m * (i + 1)), Time = At,
                },
            }, 3 + i);
        return state;
    }

    [Fact]
    public void Apply_FromTheFirstEvent_HistoryCompleteInMemory()
    {
        var state = Filled(3);
        Assert.Equal(0, state.OrdersFloor);
        Assert.Equal(0, state.TradesFloor);
        Assert.Equal([5L, 4L, 3L], state.TradesNewestFirst(0, long.MaxValue).Select(t => t.Seq));
        Assert.Equal(["t2", "t1"], state.TradesNewestFirst(3, long.MaxValue).Select(t => t.Trade.TradeId));
        Assert.Equal(["t0"], state.TradesNewestFirst(0, 4).Select(t => t.Trade.TradeId));
    }

    [Fact]
    public void Apply_MoreTradesThanKept_FloorAtTheLastTrimmedTrade()
    {
        var state = Filled(AccountState.TradesKept + 2);
        Assert.Equal(AccountState.TradesKept, state.Trades.Count);
        Assert.Equal(4, state.TradesFloor);   // t0 (seq 3) and t1 (seq 4) trimmed
        var kept = state.TradesNewestFirst(state.TradesFloor, long.MaxValue).ToList();
        Assert.Equal(AccountState.TradesKept, kept.Count);
        Assert.Equal("t2", kept[^1].Trade.TradeId);
        Assert.Equal(0, state.OrdersFloor);
    }

    [Fact]
    public void Restore_FromSnapshot_FloorsAtTheSnapshotSeq()
    {
        var source = Filled(4);
        var restored = new AccountState(new AccountId("acc-1"), _ => "2026-01-05");
        restored.Restore(source.ToSnapshot(At.ToDateTimeOffset()));
        Assert.Equal(6, restored.OrdersFloor);
        Assert.Equal(6, restored.TradesFloor);
        Assert.Empty(restored.TradesNewestFirst(restored.TradesFloor, long.MaxValue));
        Assert.Empty(restored.OrdersNewestFirst(restored.OrdersFloor, long.MaxValue, openOnly: false));
    }
}
