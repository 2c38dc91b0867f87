using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;

namespace ActorTrading.Actors.Tests.Accounts;

public sealed class DurabilityTests
{
    [Fact]
    public async Task PlaceOrder_JournalDown_UnavailableAndNothingAccepted()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var appends = h.Journal.Appends;
        h.Journal.Unavailable = true;
        var failed = h.Ask<CommandFailed>(CoreHarness.Account(), CoreHarness.PlaceRequest("c1", "NSE:TCS", Side.Buy, 5));
        Assert.Equal(FailureCode.Unavailable, failed.Code);
        h.Journal.Unavailable = false;
        Assert.Equal(appends, h.Journal.Appends);
        Assert.Empty(h.Ask<ListOrdersResponse>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1" }).Orders);
        Assert.Equal(OrderStatus.Accepted, h.Place("c1", "NSE:TCS", Side.Buy, 5).Status);
    }

    [Fact]
    public async Task CreateAccount_JournalDown_UnavailableAndNotCreated()
    {
        await using var h = new CoreHarness();
        h.Journal.Unavailable = true;
        var failed = h.Ask<CommandFailed>(CoreHarness.Account(), new CreateAccountRequest { AccountId = "acc-1", InitialCash = ProtoDecimal.ToProto(10m) });
        Assert.Equal(FailureCode.Unavailable, failed.Code);
        h.Journal.Unavailable = false;
        Assert.Equal(FailureCode.NotFound, h.Ask<CommandFailed>(CoreHarness.Account(), new GetAccountRequest { AccountId = "acc-1" }).Code);
    }

    [Fact]
    public async Task Append_JournalConflict_AccountStopsItself()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        Assert.NotNull(h.Core.Cluster.TryGetActivePid(CoreHarness.Account()));
        h.Journal.Conflict = true;
        var reply = h.Ask(CoreHarness.Account(), new UpdateRiskLimitsRequest { AccountId = "acc-1", Limits = new RiskLimits { MaxOpenPositions = 2 } });
        Assert.Equal(FailureCode.Unavailable, Assert.IsType<CommandFailed>(reply).Code);
        h.Run();
        Assert.Null(h.Core.Cluster.TryGetActivePid(CoreHarness.Account()));
        h.Journal.Conflict = false;
        var account = h.Ask<Account>(CoreHarness.Account(), new GetAccountRequest { AccountId = "acc-1" });
        Assert.Equal(3, account.Limits.MaxOpenPositions);
    }

    [Fact]
    public async Task Activation_AfterPassivation_RestoresOrdersPositionsAndCash()
    {
        await using var h = new CoreHarness(o => o with { AccountIdleTimeout = TimeSpan.FromMinutes(1) });
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        h.Place("buy", "NSE:TCS", Side.Buy, 10);
        h.Tick("NSE:TCS", 4000m);
        var working = h.Place("lim", "NSE:TCS", Side.Buy, 5, OrderType.Limit, limit: 3900m);
        h.Run();
        var before = h.Ask<PortfolioSnapshot>(CoreHarness.Account(), new GetPortfolioRequest { AccountId = "acc-1" });
        h.Advance(TimeSpan.FromMinutes(3));
        Assert.Null(h.Core.Cluster.TryGetActivePid(CoreHarness.Account()));

        var after = h.Ask<PortfolioSnapshot>(CoreHarness.Account(), new GetPortfolioRequest { AccountId = "acc-1" });
        Assert.Equal(ProtoDecimal.FromProto(before.Cash), ProtoDecimal.FromProto(after.Cash));
        Assert.Equal(10m, ProtoDecimal.FromProto(Assert.Single(after.Positions).Quantity));
        var order = h.Ask<Order>(CoreHarness.Account(), new GetOrderRequest { AccountId = "acc-1", OrderId = working.OrderId });
        Assert.Equal(OrderStatus.Open, order.Status);
        Assert.Equal(OrderStatus.Accepted, h.Place("next", "NSE:TCS", Side.Buy, 1).Status);
    }

    [Fact]
    public async Task Recovery_FromSnapshot_RestoresStateAndKeepsOrderIdsUnique()
    {
        await using var h = new CoreHarness(o => o with { AccountIdleTimeout = TimeSpan.FromMinutes(1), SnapshotPolicy = new Ports.SnapshotPolicy(3) });
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var first = h.Place("a", "NSE:TCS", Side.Buy, 4);
        h.Tick("NSE:TCS", 4000m);
        h.Place("b", "NSE:TCS", Side.Buy, 2, OrderType.Limit, limit: 3900m);
        Assert.NotNull(await h.Snapshots.LoadLatestAsync("acc-1"));
        h.Advance(TimeSpan.FromMinutes(3));
        var portfolio = h.Ask<PortfolioSnapshot>(CoreHarness.Account(), new GetPortfolioRequest { AccountId = "acc-1" });
        Assert.Equal(4m, ProtoDecimal.FromProto(Assert.Single(portfolio.Positions).Quantity));
        var again = h.Place("c", "NSE:TCS", Side.Buy, 1);
        Assert.NotEqual(first.OrderId, again.OrderId);
        Assert.Equal(FailureCode.AlreadyExists, h.Ask<CommandFailed>(CoreHarness.Account(), CoreHarness.PlaceRequest("a", "NSE:TCS", Side.Buy, 4)).Code);
    }
}
