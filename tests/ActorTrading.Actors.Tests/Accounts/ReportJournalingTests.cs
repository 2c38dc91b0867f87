using ActorTrading.Actors.Accounts;
using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;

namespace ActorTrading.Actors.Tests.Accounts;

/// <summary>
/// Gateway reports are journaled at the account's next FlushJournal (AccountActor.Journaling.cs): the reports of one
/// burst (the broker's acknowledgement and the fill right behind it) share one append, a new order's decision starts its
/// append at once and takes the deferred reports along, and nothing of a report leaves the account before it is durable.
/// </summary>
public sealed class ReportJournalingTests
{
    private static List<string> EventTypes(CoreHarness h, long afterSeq)
    {
        var types = new List<string>();
        var e = h.Journal.LoadAsync("acc-1", afterSeq).GetAsyncEnumerator();
        while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult()) types.Add(e.Current.Event.EventCase.ToString());
        return types;
    }

    [Fact]
    public async Task MarketOrder_AckAndFillInOneBurst_OneAppendForBoth()
    {
        await using var h = CoreHarness.WithTradedAccount();
        var calls = h.Journal.Calls.Count;
        Assert.Equal(OrderStatus.Accepted, h.Place("m1", "NSE:TCS", Side.Buy, 2).Status);
        h.Run();
        var appended = h.Journal.Calls.Skip(calls).ToList();
        Assert.Equal([1, 2], appended.Select(c => c.Count));   // the accept, then acknowledgement + fill together
        Assert.Equal(appended[0].FirstSeq + 1, appended[1].FirstSeq);
        Assert.Equal(["OrderAccepted", "OrderSubmitted", "OrderFilled"], EventTypes(h, appended[0].FirstSeq - 1));
        var order = h.Ask<Order>(CoreHarness.Account(), new GetOrderRequest { AccountId = "acc-1", OrderId = "O" + appended[0].FirstSeq });
        Assert.Equal(OrderStatus.Filled, order.Status);
    }

    [Fact]
    public async Task MarketOrder_ReportAppendHeld_FillNotPublishedOrAppliedUntilDurable()
    {
        await using var h = CoreHarness.WithTradedAccount();
        var probe = new Probe();
        h.Core.Cluster.Request(CoreHarness.Account(), new SubscribeAccountEvents { OrderEvents = true }, h.SpawnProbe(probe));
        h.Run();
        h.Journal.Hold = true;
        var reply = h.Core.Cluster.RequestAsync<object>(CoreHarness.Account(), CoreHarness.PlaceRequest("m1", "NSE:TCS", Side.Buy, 2), CancellationToken.None);
        h.Run();
        h.Journal.CommitHeld();   // the accept: acknowledged, sent to the paper broker, which acknowledges and fills it
        h.Run();
        Assert.Equal(OrderStatus.Accepted, Assert.IsType<OrderAck>(await reply).Status);
        Assert.Equal(1, h.Journal.HeldCount);   // acknowledgement and fill: one append, held
        Assert.Equal(2, h.Journal.Calls[^1].Count);
        Assert.DoesNotContain(probe.OfType<OrderEvent>(), e => e.Order.ClientOrderId == "m1" && e.Order.Status != OrderStatus.Accepted);
        Assert.DoesNotContain(probe.OfType<OrderEvent>(), e => e.Trade is not null && e.Order.ClientOrderId == "m1");

        h.Journal.CommitHeld();
        h.Run();
        var filled = Assert.Single(probe.OfType<OrderEvent>(), e => e.Trade is not null && e.Order.ClientOrderId == "m1");
        Assert.Equal(OrderStatus.Filled, filled.Order.Status);
        h.Journal.Hold = false;
        var portfolio = h.Ask<PortfolioSnapshot>(CoreHarness.Account(), new GetPortfolioRequest { AccountId = "acc-1" });
        Assert.Equal(3m, ProtoDecimal.FromProto(Assert.Single(portfolio.Positions).Quantity));   // warm-up 1 + 2
    }

    [Fact]
    public async Task LimitOrder_AcknowledgementAlone_JournaledWithoutAnotherMessage()
    {
        await using var h = CoreHarness.WithTradedAccount();
        var calls = h.Journal.Calls.Count;
        var ack = h.Place("l1", "NSE:TCS", Side.Buy, 1, OrderType.Limit, limit: 3900m);
        h.Run();
        var appended = h.Journal.Calls.Skip(calls).ToList();
        Assert.Equal([1, 1], appended.Select(c => c.Count));   // the accept, then the broker's acknowledgement on its own
        Assert.Equal(["OrderAccepted", "OrderSubmitted"], EventTypes(h, appended[0].FirstSeq - 1));
        Assert.Equal(OrderStatus.Open, h.Ask<Order>(CoreHarness.Account(), new GetOrderRequest { AccountId = "acc-1", OrderId = ack.OrderId }).Status);
    }

    [Fact]
    public async Task NewOrder_BehindDeferredReport_OneAppendReportFirst()
    {
        await using var h = CoreHarness.WithTradedAccount();
        var resting = h.Place("l1", "NSE:TCS", Side.Buy, 1, OrderType.Limit, limit: 3900m);
        h.Run();
        var calls = h.Journal.Calls.Count;
        var seq = h.Journal.Calls[^1].FirstSeq + h.Journal.Calls[^1].Count - 1;
        var replyTo = h.SpawnProbe(new Probe());
        var request = CoreHarness.PlaceRequest("l2", "NSE:TCS", Side.Buy, 1, OrderType.Limit, 3901m);
        var fill = new ExecutionReport(GatewayRouting.BrokerClientId(new AccountId("acc-1"), OrderId.Parse(resting.OrderId)), "P-fill", OrderStatus.Filled, 1, 3900m, 1, 3900m, 0m, h.Clock.GetUtcNow());
        // Both are in the mailbox before the report's FlushJournal: the decision starts the append and takes the report along.
        h.Core.Cluster.Send(CoreHarness.Account(), new GatewayReport(OrderId.Parse(resting.OrderId), "paper") { Execution = fill });
        h.Core.Cluster.Send(CoreHarness.Account(), new RiskEvaluated(ToOrderRequest(request), RiskDecision.Approve(1), replyTo));
        h.Run();
        var appended = h.Journal.Calls.Skip(calls).ToList();
        Assert.Equal(2, appended[0].Count);
        Assert.False(h.Journal.Background[calls]);   // somebody waits on the decision: not a background append
        Assert.Equal(seq + 1, appended[0].FirstSeq);
        Assert.Equal(["OrderFilled", "OrderAccepted"], EventTypes(h, seq).Take(2));
    }

    private static OrderRequest ToOrderRequest(PlaceOrderRequest m)
    {
        Assert.Null(PlaceOrderRequestParser.TryParse(m, InstrumentCatalog.Default, out var request));
        return request!;
    }
}
