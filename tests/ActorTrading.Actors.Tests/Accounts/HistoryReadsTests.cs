using ActorTrading.Actors.InMemory;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Ports;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;

namespace ActorTrading.Actors.Tests.Accounts;

/// <summary>
/// An account restored from a snapshot (open orders only, no trades) still answers GetOrder, ListOrders and ListTrades
/// with its whole history: what memory lacks comes from the read models, in the same shape, with one page-token format.
/// </summary>
public sealed class HistoryReadsTests
{
    private readonly InMemoryReadModelStore _readModels = new();
    private readonly FaultyReadModels _store;

    public HistoryReadsTests() => _store = new FaultyReadModels(_readModels);

    private CoreHarness Harness(int snapshotEvery = 5) => new(o => o with
    {
        Journal = new FaultyJournal(new InMemoryAccountJournal(_readModels)), ReadModels = _store,
        SnapshotPolicy = new SnapshotPolicy(snapshotEvery), AccountIdleTimeout = TimeSpan.FromMinutes(1),
    });

    /// <summary>Fills four market orders, denies one, cancels one and leaves one limit order working; returns the working order's id.</summary>
    private static string Trade(CoreHarness h, string account = "acc-1", bool shiftIds = false)
    {
        h.CreateAccount(account);
        if (shiftIds) h.Ask<RiskLimits>(CoreHarness.Account(account), new UpdateRiskLimitsRequest { AccountId = account, Limits = new RiskLimits { MaxOpenPositions = 4 } });
        h.Tick("NSE:TCS", 4000m);
        for (var i = 0; i < 4; i++)
        {
            h.Place($"m{i}", "NSE:TCS", i % 2 == 0 ? Side.Buy : Side.Sell, 2 + i, account: account);
            h.Advance(TimeSpan.FromMilliseconds(7));
            h.Tick("NSE:TCS", 4000m + i);
        }
        Assert.Equal(OrderStatus.Denied, h.Place("big", "NSE:TCS", Side.Buy, 100_000, account: account).Status);
        var canceled = h.Place("c", "NSE:TCS", Side.Buy, 3, OrderType.Limit, limit: 3990m, account: account);
        var cancel = h.Ask(CoreHarness.Account(account), new CancelOrderRequest { AccountId = account, OrderId = canceled.OrderId });
        Assert.True(cancel is OrderAck, cancel.ToString());
        h.Advance(TimeSpan.FromMilliseconds(3));
        var working = h.Place("w", "NSE:TCS", Side.Buy, 1, OrderType.Limit, limit: 3985m, account: account).OrderId;
        h.Advance(TimeSpan.FromSeconds(2));   // past the gateway's orders-per-second window: every order reached the broker
        return working;
    }

    private static void Reactivate(CoreHarness h, string account = "acc-1")
    {
        h.Advance(TimeSpan.FromMinutes(3));
        Assert.Null(h.Core.Cluster.TryGetActivePid(CoreHarness.Account(account)));
    }

    private static List<Order> AllOrders(CoreHarness h, int pageSize, bool openOnly = false, string account = "acc-1")
    {
        var all = new List<Order>();
        var token = "";
        do
        {
            var page = h.Ask<ListOrdersResponse>(CoreHarness.Account(account), new ListOrdersRequest { AccountId = account, PageSize = pageSize, PageToken = token, OpenOnly = openOnly });
            Assert.True(page.Orders.Count <= pageSize);
            all.AddRange(page.Orders);
            token = page.NextPageToken;
        } while (token.Length > 0);
        return all;
    }

    private static List<Trade> AllTrades(CoreHarness h, int pageSize)
    {
        var all = new List<Trade>();
        var token = "";
        do
        {
            var page = h.Ask<ListTradesResponse>(CoreHarness.Account(), new ListTradesRequest { AccountId = "acc-1", PageSize = pageSize, PageToken = token });
            all.AddRange(page.Trades);
            token = page.NextPageToken;
        } while (token.Length > 0);
        return all;
    }

    private static Order Get(CoreHarness h, string orderId) =>
        h.Ask<Order>(CoreHarness.Account(), new GetOrderRequest { AccountId = "acc-1", OrderId = orderId });

    /// <summary>Field by field (the JSON form names the field that differs).</summary>
    internal static void SameShape<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual) where T : Google.Protobuf.IMessage
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++) Assert.True(Equals(expected[i], actual[i]), $"item {i} differs:\n expected {expected[i]}\n actual   {actual[i]}");
        Assert.Equal(expected.Count, actual.Count);
    }

    [Fact]
    public async Task GetOrder_FinishedBeforeSnapshot_FoundWithTheShapeMemoryGave()
    {
        await using var h = Harness();
        Trade(h);
        var before = AllOrders(h, 100);
        var memory = before.Select(o => Get(h, o.OrderId)).ToList();
        Assert.NotNull(await h.Snapshots.LoadLatestAsync("acc-1"));
        Reactivate(h);

        var restored = before.Select(o => Get(h, o.OrderId)).ToList();

        SameShape(memory, restored);
        Assert.Contains(restored, o => o.Status == OrderStatus.Filled && o.Strategy == "" && ProtoDecimal.FromProto(o.AverageFillPrice) > 0);
        Assert.Contains(restored, o => o.Status == OrderStatus.Denied);
        Assert.Contains(restored, o => o.Status == OrderStatus.Canceled);
        Assert.Contains(restored, o => o.Status == OrderStatus.Open);
        Assert.True(_store.Queries > 0);
    }

    [Fact]
    public async Task ListOrders_AfterReactivation_WholeHistoryNewestFirstInEveryPageSize()
    {
        await using var h = Harness();
        Trade(h);
        var before = AllOrders(h, 100);
        var open = AllOrders(h, 100, openOnly: true);
        Reactivate(h);

        foreach (var size in new[] { 1, 2, 3, 100 }) SameShape(before, AllOrders(h, size));
        SameShape(open, AllOrders(h, 2, openOnly: true));
        Assert.Equal(before.Select(o => AccountSeq(o.OrderId)).OrderDescending(), before.Select(o => AccountSeq(o.OrderId)));
        Assert.Equal(7, before.Count);
    }

    [Fact]
    public async Task ListTrades_AfterReactivation_TradesBeforeSnapshotNewestFirst()
    {
        await using var h = Harness();
        Trade(h);
        var before = AllTrades(h, 100);
        Reactivate(h);

        Assert.Equal(4, before.Count);
        foreach (var size in new[] { 1, 3, 100 }) SameShape(before, AllTrades(h, size));
        h.Tick("NSE:TCS", 4010m);
        h.Place("after", "NSE:TCS", Side.Buy, 1);
        var now = AllTrades(h, 2);
        Assert.Equal(5, now.Count);
        SameShape(before, now.Skip(1).ToList());
    }

    [Fact]
    public async Task ListOrders_PagingAcrossReactivation_NoDuplicatesOrGaps()
    {
        await using var h = Harness();
        Trade(h);
        var before = AllOrders(h, 100);
        var first = h.Ask<ListOrdersResponse>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1", PageSize = 3 });
        var trades = h.Ask<ListTradesResponse>(CoreHarness.Account(), new ListTradesRequest { AccountId = "acc-1", PageSize = 1 });
        Reactivate(h);

        var rest = new List<Order>(first.Orders);
        var token = first.NextPageToken;
        while (token.Length > 0)
        {
            var page = h.Ask<ListOrdersResponse>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1", PageSize = 3, PageToken = token });
            rest.AddRange(page.Orders);
            token = page.NextPageToken;
        }
        SameShape(before.Select(o => o.OrderId).ToList().ConvertAll(id => new Order { OrderId = id }), rest.ConvertAll(o => new Order { OrderId = o.OrderId }));
        var next = h.Ask<ListTradesResponse>(CoreHarness.Account(), new ListTradesRequest { AccountId = "acc-1", PageSize = 100, PageToken = trades.NextPageToken });
        Assert.Equal(3, next.Trades.Count);
        Assert.DoesNotContain(next.Trades, t => t.TradeId == trades.Trades[0].TradeId);
    }

    [Fact]
    public async Task GetOrder_CompleteHistory_AnsweredFromMemoryWithoutTheStore()
    {
        await using var h = Harness(snapshotEvery: 1000);
        var working = Trade(h);
        Assert.Equal(OrderStatus.Open, Get(h, working).Status);
        AllOrders(h, 2);
        AllTrades(h, 2);
        Assert.IsType<CommandFailed>(h.Ask(CoreHarness.Account(), new GetOrderRequest { AccountId = "acc-1", OrderId = "O999" }));
        Reactivate(h);
        Assert.Equal(OrderStatus.Open, Get(h, working).Status);
        Assert.Equal(7, AllOrders(h, 3).Count);
        Assert.Equal(0, _store.Queries);
    }

    [Fact]
    public async Task GetOrder_NeverExisted_NotFoundAfterTheStoreWasAsked()
    {
        await using var h = Harness();
        Trade(h);
        Reactivate(h);
        var failed = h.Ask<CommandFailed>(CoreHarness.Account(), new GetOrderRequest { AccountId = "acc-1", OrderId = "O1" });
        Assert.Equal(FailureCode.NotFound, failed.Code);
        Assert.Equal("order_id", failed.Field);
        Assert.Equal(1, _store.Queries);
        Assert.Equal(FailureCode.NotFound, h.Ask<CommandFailed>(CoreHarness.Account(), new GetOrderRequest { AccountId = "acc-1", OrderId = "O9999" }).Code);
    }

    [Fact]
    public async Task GetOrder_OtherAccountsOrder_NotFoundAndListsShowOnlyOwnHistory()
    {
        await using var h = Harness();
        Trade(h);
        Trade(h, "acc-2", shiftIds: true);
        var mine = AllOrders(h, 100);
        var theirs = AllOrders(h, 100, account: "acc-2");
        Reactivate(h);
        Reactivate(h, "acc-2");

        SameShape(mine, AllOrders(h, 2));
        SameShape(theirs, AllOrders(h, 2, account: "acc-2"));
        Assert.All(theirs, o => Assert.Equal("acc-2", o.AccountId));
        var queries = _store.Queries;
        foreach (var o in mine.Where(o => theirs.All(t => t.OrderId != o.OrderId)))
        {
            var other = h.Ask(CoreHarness.Account("acc-2"), new GetOrderRequest { AccountId = "acc-2", OrderId = o.OrderId });
            Assert.Equal(FailureCode.NotFound, Assert.IsType<CommandFailed>(other).Code);
        }
        Assert.True(_store.Queries > queries);
    }

    [Fact]
    public async Task Reads_ReadModelsDown_UnavailableWithClearMessageThenRecover()
    {
        await using var h = Harness();
        Trade(h);
        var oldest = AllOrders(h, 100)[^1];
        Reactivate(h);
        _store.Down = true;

        var get = h.Ask<CommandFailed>(CoreHarness.Account(), new GetOrderRequest { AccountId = "acc-1", OrderId = oldest.OrderId });
        var list = h.Ask<CommandFailed>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1" });
        var trades = h.Ask<CommandFailed>(CoreHarness.Account(), new ListTradesRequest { AccountId = "acc-1" });

        Assert.All(new[] { get, list, trades }, f => Assert.Equal(FailureCode.Unavailable, f.Code));
        Assert.Contains("history", get.Message);
        Assert.Contains("read models are down", list.Message);
        _store.Down = false;
        Assert.Equal(oldest.OrderId, Get(h, oldest.OrderId).OrderId);
        Assert.Equal(OrderStatus.Accepted, h.Place("still-trading", "NSE:TCS", Side.Buy, 1).Status);
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("bzoz")]
    [InlineData("0")]
    [InlineData("-5")]
    public async Task ListOrders_TokenNotIssued_InvalidArgument(string token)
    {
        await using var h = Harness();
        Trade(h);
        Reactivate(h);
        var failed = h.Ask<CommandFailed>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1", PageToken = token });
        Assert.Equal(FailureCode.InvalidArgument, failed.Code);
        Assert.Equal("page_token", failed.Field);
        Assert.Equal("page_size", h.Ask<CommandFailed>(CoreHarness.Account(), new ListTradesRequest { AccountId = "acc-1", PageSize = 1001 }).Field);
        Assert.Equal(0, _store.Queries);
    }

    private static long AccountSeq(string orderId) => long.Parse(orderId.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}
