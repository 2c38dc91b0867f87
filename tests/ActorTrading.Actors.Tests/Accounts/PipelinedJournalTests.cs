using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;

namespace ActorTrading.Actors.Tests.Accounts;

/// <summary>
/// The account's pipelined journaling (AccountActor.Journaling.cs): the mailbox goes on while an append is in flight, at
/// most one append per account is in flight, answers and gateway orders wait until durable, a failed append fails what
/// is queued behind it and the account restarts from exactly what was durable.
/// </summary>
public sealed class PipelinedJournalTests
{
    private static CoreHarness Ready()
    {
        var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        h.Tick("NSE:INFY", 1500m);
        h.Place("warm", "NSE:TCS", Side.Buy, 1, OrderType.Limit, limit: 3900m);   // risk knows the account and the symbol
        return h;
    }

    private static IReadOnlyList<Order> Orders(CoreHarness h) =>
        h.Ask<ListOrdersResponse>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1" }).Orders;

    [Fact]
    public async Task PlaceOrder_AppendInFlight_AckAndGatewayOnlyAfterDurable()
    {
        await using var h = Ready();
        h.Journal.Hold = true;
        var reply = h.Request(CoreHarness.PlaceRequest("c1", "NSE:TCS", Side.Buy, 5, OrderType.Limit, 3950m));
        h.Run();
        Assert.False(reply.IsCompleted);
        Assert.Equal(1, h.Journal.HeldCount);
        Assert.Single((await h.Paper.GetOpenOrdersAsync()).Value!);   // only the warm-up order: c1 was not sent

        h.Journal.CommitHeld();
        h.Run();
        Assert.Equal(OrderStatus.Accepted, Assert.IsType<OrderAck>(await reply).Status);
        Assert.Equal(2, (await h.Paper.GetOpenOrdersAsync()).Value!.Count);   // sent once durable; its report is the next append
    }

    [Fact]
    public async Task PlaceOrders_AppendInFlight_MailboxGoesOnAndNextAppendWaits()
    {
        await using var h = Ready();
        h.Journal.Hold = true;
        var calls = h.Journal.Calls.Count;
        var first = h.Request(CoreHarness.PlaceRequest("c1", "NSE:TCS", Side.Buy, 1, OrderType.Limit, 3900m));
        var second = h.Request(CoreHarness.PlaceRequest("c2", "NSE:TCS", Side.Buy, 1, OrderType.Limit, 3901m));
        var third = h.Request(CoreHarness.PlaceRequest("c3", "NSE:TCS", Side.Buy, 1, OrderType.Limit, 3902m));
        h.Run();
        var read = h.Request(new GetAccountRequest { AccountId = "acc-1" });   // c1..c3 are decided: answered once c3 is durable
        h.Run();
        Assert.Equal(1, h.Journal.HeldCount);   // one append in flight per account; c2 and c3 wait in the account
        Assert.False(first.IsCompleted || second.IsCompleted || third.IsCompleted || read.IsCompleted);

        h.Journal.CommitHeld();
        h.Run();
        Assert.True(first.IsCompleted);
        Assert.False(second.IsCompleted || third.IsCompleted || read.IsCompleted);
        Assert.Equal(1, h.Journal.HeldCount);   // c2 and c3 together: the next append

        h.Journal.CommitHeld();
        h.Run();
        Assert.Equal("acc-1", Assert.IsType<Account>(await read).AccountId);
        var acks = new[] { await first, await second, await third }.Select(r => Assert.IsType<OrderAck>(r)).ToList();
        Assert.All(acks, a => Assert.Equal(OrderStatus.Accepted, a.Status));
        var appended = h.Journal.Calls.Skip(calls).Take(2).ToList();   // then c1's broker acknowledgement
        Assert.Equal([1, 2], appended.Select(c => c.Count));
        Assert.Equal(appended[0].FirstSeq + 1, appended[1].FirstSeq);   // no gap, in order
        Assert.Equal(acks.Select(a => a.OrderId).Distinct().Count(), acks.Count);
    }

    [Fact]
    public async Task PlaceOrder_DuplicateWhileJournaling_SameAnswerAfterDurable()
    {
        await using var h = Ready();
        h.Journal.Hold = true;
        var first = h.Request(CoreHarness.PlaceRequest("dup", "NSE:TCS", Side.Buy, 1, OrderType.Limit, 3900m));
        h.Run();
        var again = h.Request(CoreHarness.PlaceRequest("dup", "NSE:TCS", Side.Buy, 1, OrderType.Limit, 3900m));
        h.Run();
        Assert.False(again.IsCompleted);
        h.Journal.CommitHeld();
        h.Run();
        Assert.Equal(Assert.IsType<OrderAck>(await first).OrderId, Assert.IsType<OrderAck>(await again).OrderId);
        while (h.Journal.HeldCount > 0) { h.Journal.CommitHeld(); h.Run(); }
        Assert.Single(Orders(h), o => o.ClientOrderId == "dup");
    }

    [Fact]
    public async Task PlaceOrder_WhileAnotherIsJournaling_RiskCountsThePendingOrder()
    {
        await using var h = new CoreHarness();
        h.CreateAccount(limits: new RiskLimits { MaxOpenPositions = 1 });
        h.Tick("NSE:TCS", 4000m);
        h.Tick("NSE:INFY", 1500m);
        h.Journal.Hold = true;
        var first = h.Request(CoreHarness.PlaceRequest("a", "NSE:TCS", Side.Buy, 1, OrderType.Limit, 3900m));
        var second = h.Request(CoreHarness.PlaceRequest("b", "NSE:INFY", Side.Buy, 1, OrderType.Limit, 1450m));
        h.Run();
        while (h.Journal.HeldCount > 0) { h.Journal.CommitHeld(); h.Run(); }
        Assert.Equal(OrderStatus.Accepted, Assert.IsType<OrderAck>(await first).Status);
        var denied = Assert.IsType<OrderAck>(await second);
        Assert.Equal(OrderStatus.Denied, denied.Status);
        Assert.Equal(DenialReason.MaxOpenPositions, denied.DenialReason);
    }

    [Fact]
    public async Task Pipeline_AppendFailsWithMoreQueued_AllUnavailableAndRecoveryHasOnlyDurable()
    {
        await using var h = Ready();
        h.Journal.Hold = true;
        var durable = h.Request(CoreHarness.PlaceRequest("ok", "NSE:TCS", Side.Buy, 1, OrderType.Limit, 3900m));
        h.Run();
        h.Journal.CommitHeld();
        h.Run();
        var inFlight = h.Request(CoreHarness.PlaceRequest("lost1", "NSE:TCS", Side.Buy, 1, OrderType.Limit, 3901m));
        var queued = h.Request(CoreHarness.PlaceRequest("lost2", "NSE:TCS", Side.Buy, 1, OrderType.Limit, 3902m));
        h.Run();
        Assert.Equal(1, h.Journal.HeldCount);

        h.Journal.FailHeld();
        h.Run();
        Assert.Equal(OrderStatus.Accepted, Assert.IsType<OrderAck>(await durable).Status);
        Assert.Equal(FailureCode.Unavailable, Assert.IsType<CommandFailed>(await inFlight).Code);
        Assert.Equal(FailureCode.Unavailable, Assert.IsType<CommandFailed>(await queued).Code);
        Assert.Null(h.Core.Cluster.TryGetActivePid(CoreHarness.Account()));   // it stopped itself

        h.Journal.Hold = false;
        Assert.Equal(["ok", "warm"], Orders(h).Select(o => o.ClientOrderId).Order());
        Assert.Equal(OrderStatus.Accepted, h.Place("lost1", "NSE:TCS", Side.Buy, 1, OrderType.Limit, limit: 3901m).Status);
    }

    [Fact]
    public async Task Fill_WhileOrderAppendInFlight_AppliedInOrderAndRecoveredAfterPassivation()
    {
        await using var h = new CoreHarness(o => o with { AccountIdleTimeout = TimeSpan.FromMinutes(1) });
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var acked = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            acked.Add(h.Place("m" + i, "NSE:TCS", Side.Buy, 2).OrderId);
            h.Journal.Hold = true;
            h.Tick("NSE:TCS", 4000m);   // fills m{i}: its report append is held while the next order comes in
            var next = h.Request(CoreHarness.PlaceRequest("l" + i, "NSE:TCS", Side.Buy, 1, OrderType.Limit, 3900m));
            h.Run();
            while (h.Journal.HeldCount > 0) { h.Journal.CommitHeld(); h.Run(); }
            h.Journal.Hold = false;
            acked.Add(Assert.IsType<OrderAck>(await next).OrderId);
        }
        var before = Orders(h).ToDictionary(o => o.OrderId, o => (o.Status, o.FilledQuantity));
        h.Advance(TimeSpan.FromMinutes(3));
        Assert.Null(h.Core.Cluster.TryGetActivePid(CoreHarness.Account()));
        var after = Orders(h).ToDictionary(o => o.OrderId, o => (o.Status, o.FilledQuantity));
        Assert.Equal(before, after);
        Assert.Superset(acked.ToHashSet(), after.Keys.ToHashSet());
        var portfolio = h.Ask<PortfolioSnapshot>(CoreHarness.Account(), new GetPortfolioRequest { AccountId = "acc-1" });
        Assert.Equal(6m, ProtoDecimal.FromProto(Assert.Single(portfolio.Positions).Quantity));
    }
}
