using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using static ActorTrading.Actors.Tests.Support.TestData;

namespace ActorTrading.Actors.Tests.Brokers;

public class ReconcilerTests
{
    private static readonly Dictionary<PositionKey, decimal> NoPositions = new();

    private static LocalOrderView Local(string cid, string? bid, decimal qty = 10, decimal filled = 0, OrderStatus status = OrderStatus.Open) =>
        new(new ClientOrderId(cid), bid, Tcs, Side.Buy, qty, filled, status);

    private static BrokerOrderSnapshot Broker(string bid, string? cid, decimal qty = 10, decimal filled = 0, OrderStatus status = OrderStatus.Open, decimal avg = 0) =>
        new(bid, cid is null ? null : new ClientOrderId(cid), Tcs, Side.Buy, OrderType.Limit, Product.Mis, qty, filled, avg, 4000m, null, status);

    [Fact]
    public void Diff_InSync_NoCorrections() =>
        Assert.Empty(Reconciler.Diff([Local("a", "B1")], [Broker("B1", null)], NoPositions, []));

    [Fact]
    public void Diff_NeverAcknowledged_SaysResubmit()
    {
        var c = Assert.Single(Reconciler.Diff([Local("a", null)], [], NoPositions, []));
        Assert.Equal(CorrectionKind.MissingAtBroker, c.Kind);
        Assert.Contains("resubmit with the same client order id", c.Detail);
    }

    [Fact]
    public void Diff_MatchesByClientIdWhenBrokerEchoesIt()
    {
        Assert.Empty(Reconciler.Diff([Local("a", null)], [Broker("B9", "a")], NoPositions, []));
    }

    [Fact]
    public void Diff_FilledWhileAway_ReportsFillsAndStatus()
    {
        var list = Reconciler.Diff([Local("a", "B1", filled: 4, status: OrderStatus.PartiallyFilled)],
            [Broker("B1", null, filled: 10, status: OrderStatus.Filled, avg: 4001m)], NoPositions, []);
        Assert.Equal([CorrectionKind.FillsMissing, CorrectionKind.StatusChanged], list.Select(c => c.Kind));
        Assert.Equal((4m, 10m), (list[0].LocalQuantity, list[0].BrokerQuantity));
        Assert.Equal(4001m, list[0].Broker!.AveragePrice);
    }

    [Fact]
    public void Diff_CanceledAtBroker_ReportsStatusChange()
    {
        var c = Assert.Single(Reconciler.Diff([Local("a", "B1")], [Broker("B1", null, status: OrderStatus.Canceled)], NoPositions, []));
        Assert.Equal(CorrectionKind.StatusChanged, c.Kind);
        Assert.Contains("broker Canceled", c.Detail);
    }

    [Fact]
    public void Diff_UnknownWorkingOrderAtBroker_IsReported_FinishedOnesIgnored()
    {
        var list = Reconciler.Diff([], [Broker("B7", null), Broker("B8", null, status: OrderStatus.Filled, filled: 10)], NoPositions, []);
        var c = Assert.Single(list);
        Assert.Equal((CorrectionKind.UnknownAtBroker, "B7"), (c.Kind, c.BrokerOrderId));
    }

    [Fact]
    public void Diff_PositionQuantitiesDiffer_BothDirections()
    {
        var local = new Dictionary<PositionKey, decimal> { [new(Tcs, Product.Mis)] = 5, [new(Infy, Product.Cnc)] = 2 };
        var list = Reconciler.Diff([], [], local, [new BrokerPosition(Tcs, Product.Mis, 5, 4000m), new BrokerPosition(Hdfc, Product.Mis, -3, 1650m)]);
        Assert.Equal(2, list.Count);
        Assert.Contains(list, c => c.Position == new PositionKey(Infy, Product.Cnc) && c.LocalQuantity == 2 && c.BrokerQuantity == 0);
        Assert.Contains(list, c => c.Position == new PositionKey(Hdfc, Product.Mis) && c.BrokerQuantity == -3);
    }
}
