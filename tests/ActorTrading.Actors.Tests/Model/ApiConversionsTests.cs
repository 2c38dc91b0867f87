using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Support;
using ActorTrading.Api.V1;
using Google.Protobuf.WellKnownTypes;
using static ActorTrading.Actors.Tests.Support.TestData;

namespace ActorTrading.Actors.Tests.Model;

public class ApiConversionsTests
{
    [Fact]
    public void Tick_RoundTripsThroughProto()
    {
        var tick = Tick(Tcs, 3999.95m, 4000m, 4000m, 12, MarketOpen, 9);
        Assert.Equal(0, ApiConversions.TryFromProto(tick.ToProto(), out var back) is null ? 0 : 1);
        Assert.Equal(tick.ToString(), back!.ToString());
    }

    [Fact]
    public void TryFromProto_BadTick_NamesField()
    {
        var p = Tick(Tcs, 1, 2, 1, 1, MarketOpen).ToProto();
        p.Symbol = "tcs";
        Assert.StartsWith("symbol:", ApiConversions.TryFromProto(p, out _));
        p = Tick(Tcs, 1, 2, 1, 1, MarketOpen).ToProto();
        p.Bid = new ActorTrading.Api.V1.Decimal { Units = 1, Nanos = -1 };
        Assert.StartsWith("bid:", ApiConversions.TryFromProto(p, out _));
        p = Tick(Tcs, 1, 2, 1, 1, MarketOpen).ToProto();
        p.Time = null;
        Assert.Equal("time is required", ApiConversions.TryFromProto(p, out _));
    }

    [Fact]
    public void OrderState_ToProto_CarriesStatusFillsAndTimes()
    {
        var s = OrderStateMachine.Fill(OrderStateMachine.Accept(Buy(Tcs, 10, OrderType.Limit, 4000m), new OrderId("O5"), MarketOpen), 4, 3999.5m, MarketOpen.AddSeconds(1)).State;
        var p = s.ToProto();
        Assert.Equal(("O5", OrderStatus.PartiallyFilled, 4m, 3999.5m, 4000m), (p.OrderId, p.Status, ProtoDecimal.FromProto(p.FilledQuantity),
            ProtoDecimal.FromProto(p.AverageFillPrice), ProtoDecimal.FromProto(p.LimitPrice)));
        Assert.Null(p.StopPrice);
        Assert.Equal(Timestamp.FromDateTimeOffset(MarketOpen.AddSeconds(1)), p.Updated);
        Assert.Equal(OrderStatus.PartiallyFilled, s.ToAck().Status);
    }

    [Fact]
    public void AveragePrice_WithRepeatingDecimals_IsRoundedToNanos()
    {
        var s = OrderStateMachine.Accept(Buy(Tcs, 3), new OrderId("O6"), MarketOpen);
        s = OrderStateMachine.Fill(s, 1, 100m, MarketOpen).State;
        s = OrderStateMachine.Fill(s, 2, 100.05m, MarketOpen).State; // avg 100.0333…
        Assert.Equal(100.033333333m, ProtoDecimal.FromProto(s.ToProto().AverageFillPrice));
    }

    [Fact]
    public void InstrumentAndFill_ToProto()
    {
        Assert.Equal("FINANCIALS", Spec(Hdfc).ToProto().Sector);
        var t = new Fill("T1", new OrderId("O1"), Tcs, Side.Sell, Product.Mis, 2, 4000m, 1.2m, MarketOpen).ToProto();
        Assert.Equal(("T1", 1.2m), (t.TradeId, ProtoDecimal.FromProto(t.Fees)));
    }
}
