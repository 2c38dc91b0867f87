using ProtoDecimal = ActorTrading.Actors.Model.ProtoDecimal;
using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;
using ActorTrading.Storage.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;

namespace ActorTrading.Storage.Tests.Contracts;

/// <summary>What every <see cref="IReadModelStore"/> shows after journal appends (projected atomically) and audit appends.</summary>
public abstract class ReadModelStoreContract : StorageContract
{
    private IReadModelStore Reads => Store.ReadModels;

    [Fact]
    public async Task Append_OrderLifecycle_ProjectsOrderTradePositionAndCash()
    {
        var a = NewAccount();
        await Store.Journal.AppendAsync(a, 1, [TestEvents.Opened(a), TestEvents.Accepted("o1")]);
        await Store.Journal.AppendAsync(a, 3, [TestEvents.Submitted("o1"), TestEvents.Filled("o1", "t1", 10m, 2500.5m, true, 10m, 74_995m)]);

        var order = await Reads.GetOrderAsync(a, "o1");
        Assert.NotNull(order);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(10m, ProtoDecimal.FromProto(order.FilledQuantity));
        Assert.Equal(2500.5m, ProtoDecimal.FromProto(order.AverageFillPrice));
        Assert.Equal(2500m, ProtoDecimal.FromProto(order.LimitPrice));
        Assert.Equal("c-o1", order.ClientOrderId);

        var trades = await Reads.ListTradesAsync(a, new PageRequest());
        var trade = Assert.Single(trades.Items);
        Assert.Equal("t1", trade.TradeId);
        Assert.Equal(1.5m, ProtoDecimal.FromProto(trade.Fees));

        var position = Assert.Single(await Reads.ListPositionsAsync(a));
        Assert.Equal(10m, ProtoDecimal.FromProto(position.Quantity));
        Assert.Equal(Product.Mis, position.Product);

        var account = await Reads.GetAccountAsync(a);
        Assert.NotNull(account);
        Assert.Equal(74_995m, ProtoDecimal.FromProto(account.Cash));
        Assert.Equal(TradingState.Active, account.State);
        Assert.Equal(3, account.Limits.MaxOpenPositions);
    }

    [Fact]
    public async Task Append_OrderAcceptedInEarlierAppend_LaterPatchesApply()
    {
        var a = NewAccount();
        await Store.Journal.AppendAsync(a, 1, [TestEvents.Opened(a)]);
        await Store.Journal.AppendAsync(a, 2, [TestEvents.Accepted("o1")]);
        await Store.Journal.AppendAsync(a, 3, [TestEvents.Canceled("o1")]);
        await Store.Journal.AppendAsync(a, 4, [TestEvents.Halted()]);

        Assert.Equal(OrderStatus.Canceled, (await Reads.GetOrderAsync(a, "o1"))!.Status);
        Assert.Equal(TradingState.Halted, (await Reads.GetAccountAsync(a))!.State);
        Assert.Null(await Reads.GetOrderAsync(a, "nope"));
    }

    [Fact]
    public async Task Append_LosingAConflict_ProjectsNothing()
    {
        var a = NewAccount();
        await Store.Journal.AppendAsync(a, 1, [TestEvents.Opened(a)]);

        await Assert.ThrowsAsync<ActorTrading.Actors.Ports.JournalConflictException>(() =>
            Store.Journal.AppendAsync(a, 1, [TestEvents.Accepted("ghost"), TestEvents.Halted()]));

        Assert.Null(await Reads.GetOrderAsync(a, "ghost"));
        Assert.Equal(TradingState.Active, (await Reads.GetAccountAsync(a))!.State);
    }

    [Fact]
    public async Task ListOrdersAsync_Pages_NewestFirstAndOpenOnlyFilters()
    {
        var a = NewAccount();
        await Store.Journal.AppendAsync(a, 1, [TestEvents.Opened(a), .. Enumerable.Range(1, 5).Select(i => TestEvents.Accepted("o" + i))]);
        await Store.Journal.AppendAsync(a, 7, [TestEvents.Canceled("o2")]);

        var first = await Reads.ListOrdersAsync(a, false, new PageRequest(3));
        var second = await Reads.ListOrdersAsync(a, false, new PageRequest(3, first.NextPageToken));
        var open = await Reads.ListOrdersAsync(a, true, new PageRequest(10));

        Assert.Equal(["o5", "o4", "o3"], first.Items.Select(o => o.OrderId));
        Assert.Equal(["o2", "o1"], second.Items.Select(o => o.OrderId));
        Assert.Equal("", second.NextPageToken);
        Assert.Equal(["o5", "o4", "o3", "o1"], open.Items.Select(o => o.OrderId));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Reads.ListOrdersAsync(a, false, new PageRequest(3, "x!")));
    }

    [Fact]
    public async Task ListAccountsAsync_Pages_ById()
    {
        var prefix = NewAccount();
        foreach (var id in new[] { prefix + "-c", prefix + "-a", prefix + "-b" }) await Store.Journal.AppendAsync(id, 1, [TestEvents.Opened(id)]);

        var all = new List<string>();
        var page = new PageRequest(1, prefix + "-");
        for (int i = 0; i < 3; i++)
        {
            var p = await Reads.ListAccountsAsync(page);
            all.Add(p.Items[0].AccountId);
            page = new PageRequest(1, p.NextPageToken);
        }
        Assert.Equal([prefix + "-a", prefix + "-b", prefix + "-c"], all);
    }

    [Fact]
    public async Task ListAuditEventsAsync_FiltersByAccountNewestFirst()
    {
        var a = NewAccount();
        await Store.AuditLog.AppendAsync(new AuditRecord(TestEvents.T0, "alice", "PlaceOrder", a, "OK", "o1"));
        await Store.AuditLog.AppendAsync(new AuditRecord(TestEvents.T0, "bob", "Halt", NewAccount(), "OK", ""));
        await Store.AuditLog.AppendAsync(new AuditRecord(TestEvents.T0.AddSeconds(1), "alice", "CancelOrder", a, "DENIED", "o1"));

        var page = await Reads.ListAuditEventsAsync(a, new PageRequest(1));
        var next = await Reads.ListAuditEventsAsync(a, new PageRequest(1, page.NextPageToken));

        Assert.Equal("CancelOrder", Assert.Single(page.Items).Action);
        Assert.Equal("PlaceOrder", Assert.Single(next.Items).Action);
        Assert.Equal(Timestamp.FromDateTimeOffset(TestEvents.T0), next.Items[0].Time);
    }

    [Fact]
    public async Task SaveBarsAsync_ThenGetBars_ReturnsRangeOldestFirstAndReplaces()
    {
        var symbol = "NSE:" + NewAccount();
        Bar B(int minute, decimal close) => new()
        {
            Symbol = symbol, Start = Timestamp.FromDateTimeOffset(TestEvents.T0.AddMinutes(minute)), Open = ProtoDecimal.ToProtoRounded(1m),
            High = ProtoDecimal.ToProtoRounded(2m), Low = ProtoDecimal.ToProtoRounded(0.5m), Close = ProtoDecimal.ToProtoRounded(close), Volume = 100,
        };
        await Reads.SaveBarsAsync([B(2, 1.2m), B(0, 1.0m), B(1, 1.1m)]);
        await Reads.SaveBarsAsync([B(1, 1.15m)]);

        var bars = await Reads.GetBarsAsync(symbol, TestEvents.T0, TestEvents.T0.AddMinutes(2));

        Assert.Equal([1.0m, 1.15m], bars.Select(b => ProtoDecimal.FromProto(b.Close)));
    }
}
