using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Events.V1;

namespace ActorTrading.Actors.Tests.Accounts;

/// <summary>Cancel requests are journaled before they are acknowledged, and a pending cancel survives recovery.</summary>
public sealed class CancelJournalTests
{
    private static async Task<List<AccountEvent>> EventsAsync(CoreHarness h)
    {
        var events = new List<AccountEvent>();
        await foreach (var e in h.Journal.LoadAsync("acc-1", 0)) events.Add(e.Event);
        return events;
    }

    private static object Cancel(CoreHarness h, string orderId) =>
        h.Ask(CoreHarness.Account(), new CancelOrderRequest { AccountId = "acc-1", OrderId = orderId });

    [Fact]
    public async Task Cancel_Accepted_JournaledBeforeTheAck()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var ack = h.Place("c", "NSE:TCS", Side.Buy, 5, OrderType.Limit, limit: 3900m);
        h.Run();
        var reply = h.Core.Cluster.RequestAsync<object>(CoreHarness.Account(), new CancelOrderRequest { AccountId = "acc-1", OrderId = ack.OrderId }, CancellationToken.None);
        while (!reply.IsCompleted && h.Dispatcher.RunOne()) { }
        Assert.Equal("cancel requested", Assert.IsType<OrderAck>(await reply).Message);
        var requested = (await EventsAsync(h)).Single(e => e.EventCase == AccountEvent.EventOneofCase.OrderCancelRequested);
        Assert.Equal(ack.OrderId, requested.OrderCancelRequested.OrderId);
        h.Run();
        Assert.Equal(OrderStatus.Canceled, ModifyRiskTests.Get(h, ack.OrderId).Status);
    }

    [Fact]
    public async Task Cancel_JournalDown_UnavailableAndNothingSentToTheBroker()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var ack = h.Place("c", "NSE:TCS", Side.Buy, 5, OrderType.Limit, limit: 3990m);
        h.Run();
        h.Journal.Unavailable = true;
        Assert.Equal(FailureCode.Unavailable, Assert.IsType<CommandFailed>(Cancel(h, ack.OrderId)).Code);
        Assert.Equal(FailureCode.Unavailable,
            h.Ask<CommandFailed>(CoreHarness.Account(), new CancelAllOrdersRequest { AccountId = "acc-1" }).Code);
        h.Journal.Unavailable = false;
        h.Tick("NSE:TCS", 3985m);
        Assert.Equal(OrderStatus.Filled, ModifyRiskTests.Get(h, ack.OrderId).Status);
        Assert.DoesNotContain(await EventsAsync(h), e => e.EventCase == AccountEvent.EventOneofCase.OrderCancelRequested);
    }

    [Fact]
    public async Task Cancel_Twice_SecondAnswersAlreadyRequestedAndJournalsNothing()
    {
        HoldingBroker? broker = null;
        await using var h = new CoreHarness(wrapPaper: p => broker = new HoldingBroker(p) { RefuseCancels = true });
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var ack = h.Place("c", "NSE:TCS", Side.Buy, 5, OrderType.Limit, limit: 3900m);
        h.Run();
        Assert.Equal("cancel requested", Assert.IsType<OrderAck>(Cancel(h, ack.OrderId)).Message);
        var appends = h.Journal.Appends;
        Assert.Equal("cancel already requested", Assert.IsType<OrderAck>(Cancel(h, ack.OrderId)).Message);
        Assert.Equal(appends, h.Journal.Appends);
        Assert.Equal(1, broker!.CancelCalls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cancel_PendingWhenTheAccountPassivates_SentAgainAfterRecovery(bool fromSnapshot)
    {
        HoldingBroker? broker = null;
        await using var h = new CoreHarness(
            o => o with { AccountIdleTimeout = TimeSpan.FromMinutes(1), SnapshotPolicy = new Ports.SnapshotPolicy(fromSnapshot ? 1 : 1_000_000) },
            wrapPaper: p => broker = new HoldingBroker(p) { RefuseCancels = true });
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var ack = h.Place("c", "NSE:TCS", Side.Buy, 5, OrderType.Limit, limit: 3900m);
        h.Run();
        Assert.IsType<OrderAck>(Cancel(h, ack.OrderId));
        Assert.Equal(OrderStatus.Open, ModifyRiskTests.Get(h, ack.OrderId).Status);   // the broker lost the cancel
        h.Advance(TimeSpan.FromMinutes(3));
        Assert.Null(h.Core.Cluster.TryGetActivePid(CoreHarness.Account()));
        if (fromSnapshot) Assert.True(Assert.Single((await h.Snapshots.LoadLatestAsync("acc-1"))!.OpenOrders).CancelRequested);

        broker!.RefuseCancels = false;
        var calls = broker.CancelCalls;
        h.Ask<Account>(CoreHarness.Account(), new GetAccountRequest { AccountId = "acc-1" });   // activates: recovery
        h.Run();
        Assert.Equal(calls + 1, broker.CancelCalls);
        Assert.Equal(OrderStatus.Canceled, ModifyRiskTests.Get(h, ack.OrderId).Status);
    }
}
