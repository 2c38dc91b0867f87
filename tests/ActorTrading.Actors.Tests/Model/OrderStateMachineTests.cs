using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Support;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Model;

public class OrderStateMachineTests
{
    private static readonly DateTimeOffset T = TestData.MarketOpen;

    private static OrderState Accepted(decimal qty = 10) =>
        OrderStateMachine.Accept(TestData.Buy(TestData.Tcs, qty, OrderType.Limit, 4000m), new OrderId("O1"), T);

    private static OrderState Must(OrderTransition t)
    {
        Assert.True(t.Succeeded, t.Error);
        return t.State;
    }

    [Fact]
    public void HappyPath_AcceptedOpenPartialFilled()
    {
        var s = Must(OrderStateMachine.Open(Accepted(), T));
        Assert.Equal(OrderStatus.Open, s.Status);
        s = Must(OrderStateMachine.Fill(s, 4, 100m, T));
        Assert.Equal(OrderStatus.PartiallyFilled, s.Status);
        s = Must(OrderStateMachine.Fill(s, 6, 110m, T));
        Assert.Equal(OrderStatus.Filled, s.Status);
        Assert.Equal(106m, s.AverageFillPrice);
        Assert.Equal(0m, s.RemainingQuantity);
    }

    [Fact]
    public void Fill_MoreThanRemaining_IsRefusedAndStateUnchanged()
    {
        var s = Must(OrderStateMachine.Fill(Accepted(), 8, 100m, T));
        var t = OrderStateMachine.Fill(s, 3, 100m, T);
        Assert.False(t.Succeeded);
        Assert.Contains("exceeds the remaining 2", t.Error);
        Assert.Same(s, t.State);
    }

    [Fact]
    public void Cancel_AfterFill_IsRefused()
    {
        var filled = Must(OrderStateMachine.Fill(Accepted(), 10, 100m, T));
        var t = OrderStateMachine.RequestCancel(filled, T);
        Assert.False(t.Succeeded);
        Assert.Contains("FILLED", t.Error);
        Assert.False(OrderStateMachine.ConfirmCancel(filled, T).Succeeded);
    }

    [Fact]
    public void Fill_AfterCancelRequested_IsAppliedThenCancelConfirmsRemainder()
    {
        var s = Must(OrderStateMachine.RequestCancel(Must(OrderStateMachine.Open(Accepted(), T)), T));
        Assert.True(s.CancelRequested);
        s = Must(OrderStateMachine.Fill(s, 3, 100m, T));
        Assert.Equal(OrderStatus.PartiallyFilled, s.Status);
        s = Must(OrderStateMachine.ConfirmCancel(s, T));
        Assert.Equal(OrderStatus.Canceled, s.Status);
        Assert.Equal(3m, s.FilledQuantity);
    }

    [Fact]
    public void Fill_AfterCancelRequested_CompletingOrder_EndsFilled()
    {
        var s = Must(OrderStateMachine.RequestCancel(Accepted(), T));
        s = Must(OrderStateMachine.Fill(s, 10, 100m, T));
        Assert.Equal(OrderStatus.Filled, s.Status);
        Assert.False(OrderStateMachine.ConfirmCancel(s, T).Succeeded);
    }

    [Fact]
    public void Modify_FilledOrder_IsRefused()
    {
        var filled = Must(OrderStateMachine.Fill(Accepted(), 10, 100m, T));
        var t = OrderStateMachine.Modify(filled, 20, null, null, T);
        Assert.False(t.Succeeded);
        Assert.Contains("cannot modify", t.Error);
    }

    [Fact]
    public void Modify_QuantityBelowFilled_IsRefused()
    {
        var s = Must(OrderStateMachine.Fill(Accepted(), 6, 100m, T));
        Assert.False(OrderStateMachine.Modify(s, 5, null, null, T).Succeeded);
        var ok = Must(OrderStateMachine.Modify(s, 8, 3990m, null, T));
        Assert.Equal(8m, ok.Quantity);
        Assert.Equal(3990m, ok.LimitPrice);
    }

    [Fact]
    public void Modify_WhileCancelPending_IsRefused() =>
        Assert.False(OrderStateMachine.Modify(Must(OrderStateMachine.RequestCancel(Accepted(), T)), 5, null, null, T).Succeeded);

    [Fact]
    public void Modify_StopPriceOnLimitOrder_IsRefused() =>
        Assert.Contains("stop_price", OrderStateMachine.Modify(Accepted(), null, null, 10m, T).Error);

    [Fact]
    public void Reject_AfterPartialFill_IsRefused()
    {
        var s = Must(OrderStateMachine.Fill(Accepted(), 1, 100m, T));
        Assert.False(OrderStateMachine.Reject(s, "no", T).Succeeded);
        Assert.Equal(OrderStatus.Rejected, Must(OrderStateMachine.Reject(Accepted(), "margin", T)).Status);
    }

    [Fact]
    public void Denied_IsTerminal()
    {
        var d = OrderStateMachine.Deny(TestData.Buy(TestData.Tcs, 1), new OrderId("O9"), DenialReason.MaxOpenPositions, "max", T);
        Assert.True(d.IsTerminal);
        Assert.False(OrderStateMachine.Open(d, T).Succeeded);
        Assert.False(OrderStateMachine.Fill(d, 1, 1, T).Succeeded);
        Assert.False(OrderStateMachine.Expire(d, T).Succeeded);
    }

    [Fact]
    public void Open_LateAckAfterFill_KeepsFilledState()
    {
        var filled = Must(OrderStateMachine.Fill(Accepted(), 10, 100m, T));
        Assert.Equal(OrderStatus.Filled, Must(OrderStateMachine.Open(filled, T)).Status);
    }

    [Fact]
    public void Expire_OpenOrder_Expires() =>
        Assert.Equal(OrderStatus.Expired, Must(OrderStateMachine.Expire(Accepted(), T)).Status);
}
