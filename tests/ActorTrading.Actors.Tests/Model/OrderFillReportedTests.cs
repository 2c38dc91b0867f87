using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Support;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Model;

/// <summary>Broker fills that disagree with a modification the broker never applied: the broker wins.</summary>
public class OrderFillReportedTests
{
    private static readonly DateTimeOffset T = TestData.MarketOpen;

    private static OrderState Accepted(decimal qty) =>
        OrderStateMachine.Accept(TestData.Buy(TestData.Tcs, qty, OrderType.Limit, 4000m), new OrderId("O1"), T);

    [Fact]
    public void FillReported_BeyondALoweredQuantity_GrowsTheOrderToTheFill()
    {
        var lowered = Accepted(3);
        var t = OrderStateMachine.FillReported(lowered, 5, 4000m, T, brokerComplete: true);
        Assert.True(t.Succeeded, t.Error);
        Assert.Equal(OrderStatus.Filled, t.State.Status);
        Assert.Equal(5m, t.State.Quantity);
        Assert.Equal(5m, t.State.FilledQuantity);
    }

    [Fact]
    public void FillReported_BrokerCompleteBelowARaisedQuantity_EndsFilledAtTheFilledQuantity()
    {
        var raised = Accepted(8);
        var t = OrderStateMachine.FillReported(raised, 5, 4000m, T, brokerComplete: true);
        Assert.Equal(OrderStatus.Filled, t.State.Status);
        Assert.Equal(5m, t.State.Quantity);
    }

    [Fact]
    public void FillReported_NotComplete_PartialFillAsUsual()
    {
        var t = OrderStateMachine.FillReported(Accepted(8), 5, 4000m, T, brokerComplete: false);
        Assert.Equal(OrderStatus.PartiallyFilled, t.State.Status);
        Assert.Equal(8m, t.State.Quantity);
    }

    [Fact]
    public void FillReported_OnFinishedOrder_Refused()
    {
        var done = OrderStateMachine.FillReported(Accepted(5), 5, 4000m, T, brokerComplete: true).State;
        Assert.False(OrderStateMachine.FillReported(done, 1, 4000m, T, brokerComplete: true).Succeeded);
    }
}
