using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Ports;
using ActorTrading.Actors.Risk;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime;
using ActorTrading.Storage.Postgres;
using Npgsql;

namespace ActorTrading.Host.Tests.Durability;

/// <summary>
/// On PostgreSQL: a node restarted on the same database restores the account from a snapshot (open orders only, no
/// trades) and still answers GetOrder/ListOrders/ListTrades with the whole history, field for field as before the
/// restart, paging across the restart without duplicates or gaps (the read models fill in what memory lacks).
/// </summary>
public sealed class DurableHistoryTests : IAsyncLifetime
{
    private const string Id = "hist-1";
    private readonly string _schema = "hist_" + Guid.NewGuid().ToString("N")[..12];
    private string _server = "";

    public Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? "";
        Assert.False(string.IsNullOrEmpty(_server), "ConnectionStrings__Postgres is not set: run scripts/test.sh, or scripts/dev-services.sh and export what it prints");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>One node: its own actor system and trading core over PostgreSQL (paper broker, a snapshot every 5 events).</summary>
    private sealed class Node : IAsyncDisposable
    {
        private Node(PostgresStorage storage, PaperBroker paper)
        {
            Storage = storage;
            System = new ActorSystem(new ActorSystemConfig());
            Paper = paper;
            Core = TradingCore.Create(System, new TradingCoreOptions
            {
                Journal = storage.Journal, Snapshots = storage.Snapshots, ReadModels = storage.ReadModels, BrokerFactory = _ => Paper,
                SnapshotPolicy = new SnapshotPolicy(5),
                DefaultLimits = RiskSettings.Default with { EnforceMarketHours = false, MaxTradesPerDay = 50 },
            });
        }

        public PostgresStorage Storage { get; }
        public ActorSystem System { get; }
        public PaperBroker Paper { get; }
        public TradingCore Core { get; }

        /// <summary>The broker outlives the node (as a real one does): the restarted node reconciles with the same book.</summary>
        public static async Task<Node> StartAsync(string server, string schema, PaperBroker paper) =>
            new(await PostgresStorage.OpenAsync(new PostgresStorageOptions(server) { Schema = schema }), paper);

        public async Task<T> Ask<T>(object request)
        {
            var reply = await Core.Cluster.RequestAsync<object>(TradingCore.AccountIdentity(Id), request, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            if (reply is T t) return t;
            throw new Xunit.Sdk.XunitException($"expected {typeof(T).Name}, got {reply}");
        }

        public async Task<List<Order>> AllOrders(int pageSize, string token = "")
        {
            var all = new List<Order>();
            do
            {
                var page = await Ask<ListOrdersResponse>(new ListOrdersRequest { AccountId = Id, PageSize = pageSize, PageToken = token });
                all.AddRange(page.Orders);
                token = page.NextPageToken;
            } while (token.Length > 0);
            return all;
        }

        public async Task<List<Trade>> AllTrades(int pageSize)
        {
            var all = new List<Trade>();
            var token = "";
            do
            {
                var page = await Ask<ListTradesResponse>(new ListTradesRequest { AccountId = Id, PageSize = pageSize, PageToken = token });
                all.AddRange(page.Trades);
                token = page.NextPageToken;
            } while (token.Length > 0);
            return all;
        }

        public async ValueTask DisposeAsync()
        {
            await System.ShutdownAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await Storage.DisposeAsync();
        }
    }

    private static void SameShape<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual) where T : Google.Protobuf.IMessage
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++) Assert.True(Equals(expected[i], actual[i]), $"item {i} differs:\n expected {expected[i]}\n actual   {actual[i]}");
        Assert.Equal(expected.Count, actual.Count);
    }

    [Fact]
    public async Task Reads_AfterRestartFromSnapshot_WholeHistoryFieldForFieldAndPagingWithoutGaps()
    {
        List<Order> orders, open;
        List<Trade> trades;
        List<Order> byId;
        ListOrdersResponse firstPage;
        string oldest;
        using var paper = new PaperBroker(InstrumentCatalog.Default, TimeProvider.System);
        await using (var a = await Node.StartAsync(_server, _schema, paper))
        {
            await a.Ask<Account>(new CreateAccountRequest { AccountId = Id, DisplayName = "history", InitialCash = ProtoDecimal.ToProto(1_000_000m) });
            var probe = new StatusProbe();
            a.Core.Cluster.Request(TradingCore.AccountIdentity(Id), new SubscribeAccountEvents { OrderEvents = true }, a.System.Root.Spawn(Props.FromProducer(() => probe)));
            await probe.Subscribed.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await a.Core.Cluster.RequestAsync<object>(TradingCore.SymbolIdentity("NSE:TCS"),
                new Tick { Symbol = "NSE:TCS", Bid = ProtoDecimal.ToProto(3999.95m), Ask = ProtoDecimal.ToProto(4000.05m), Last = ProtoDecimal.ToProto(4000m),
                    Volume = 1_000_000, Time = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            for (var i = 0; i < 4; i++)
            {
                var ack = await a.Ask<OrderAck>(Place($"m{i}", i % 2 == 0 ? Side.Buy : Side.Sell, 2 + i));
                Assert.Equal(OrderStatus.Accepted, ack.Status);
                await probe.Reached(ack.OrderId, OrderStatus.Filled);
            }
            var canceled = await a.Ask<OrderAck>(Place("c", Side.Buy, 3, 3990m));
            await probe.Reached(canceled.OrderId, OrderStatus.Open);
            await a.Ask<OrderAck>(new CancelOrderRequest { AccountId = Id, OrderId = canceled.OrderId });
            await probe.Reached(canceled.OrderId, OrderStatus.Canceled);
            await probe.Reached((await a.Ask<OrderAck>(Place("w", Side.Buy, 1, 3985m))).OrderId, OrderStatus.Open);
            orders = await a.AllOrders(100);
            open = (await a.AllOrders(100)).Where(o => o.Status is OrderStatus.Accepted or OrderStatus.Open).ToList();
            trades = await a.AllTrades(100);
            byId = [];
            foreach (var o in orders) byId.Add(await a.Ask<Order>(new GetOrderRequest { AccountId = Id, OrderId = o.OrderId }));
            firstPage = await a.Ask<ListOrdersResponse>(new ListOrdersRequest { AccountId = Id, PageSize = 2 });
            oldest = orders[^1].OrderId;
        }
        Assert.Equal(4, trades.Count);
        Assert.Contains(orders, o => o.Status == OrderStatus.Canceled);

        await using var b = await Node.StartAsync(_server, _schema, paper);
        var snapshot = await b.Storage.Snapshots.LoadLatestAsync(Id);
        Assert.NotNull(snapshot);
        Assert.True(snapshot.LastSeq > long.Parse(oldest[1..], System.Globalization.CultureInfo.InvariantCulture) + 2, $"snapshot at {snapshot.LastSeq}");

        var restoredById = new List<Order>();
        foreach (var o in orders) restoredById.Add(await b.Ask<Order>(new GetOrderRequest { AccountId = Id, OrderId = o.OrderId }));
        SameShape(byId, restoredById);
        foreach (var size in new[] { 1, 3, 100 }) SameShape(orders, await b.AllOrders(size));
        foreach (var size in new[] { 1, 3, 100 }) SameShape(trades, await b.AllTrades(size));
        SameShape(orders, [.. firstPage.Orders, .. await b.AllOrders(2, firstPage.NextPageToken)]);
        Assert.Equal(open.Select(o => o.OrderId), (await b.Ask<ListOrdersResponse>(new ListOrdersRequest { AccountId = Id, OpenOnly = true })).Orders.Select(o => o.OrderId));
        var missing = await b.Ask<CommandFailed>(new GetOrderRequest { AccountId = Id, OrderId = "O1" });
        Assert.Equal(FailureCode.NotFound, missing.Code);
    }

    [Fact]
    public async Task ReadModel_SubmittedAfterTheFill_OrderStaysFilledOnPostgres()
    {
        await using var storage = await PostgresStorage.OpenAsync(new PostgresStorageOptions(_server) { Schema = _schema });
        var at = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        await storage.Journal.AppendAsync("st-1", 1, [new ActorTrading.Events.V1.AccountEvent { At = at, AccountOpened = new() { DisplayName = "s", InitialCash = ProtoDecimal.ToProto(1000m) } }]);
        await storage.Journal.AppendAsync("st-1", 2, [Event(o => o.OrderAccepted = new() { OrderId = "O2", ClientOrderId = "c", Symbol = "NSE:TCS", Side = Side.Buy,
            Type = OrderType.Market, Quantity = ProtoDecimal.ToProto(5m), Product = Product.Mis, TimeInForce = TimeInForce.Day }, at)]);
        await storage.Journal.AppendAsync("st-1", 3, [Event(o => o.OrderFilled = new() { OrderId = "O2", TradeId = "t1", Symbol = "NSE:TCS", Side = Side.Buy,
            Product = Product.Mis, Quantity = ProtoDecimal.ToProto(5m), Price = ProtoDecimal.ToProto(100m), FilledQuantityAfter = ProtoDecimal.ToProto(5m),
            AverageFillPriceAfter = ProtoDecimal.ToProto(100m), CashAfter = ProtoDecimal.ToProto(500m), OrderComplete = true, Time = at }, at)]);
        await storage.Journal.AppendAsync("st-1", 4, [Event(o => o.OrderSubmitted = new() { OrderId = "O2", GatewayId = "paper", BrokerOrderId = "B1" }, at)]);

        Assert.Equal(OrderStatus.Filled, (await storage.ReadModels.GetOrderAsync("st-1", "O2"))!.Status);
    }

    private static ActorTrading.Events.V1.AccountEvent Event(Action<ActorTrading.Events.V1.AccountEvent> set, Google.Protobuf.WellKnownTypes.Timestamp at)
    {
        var e = new ActorTrading.Events.V1.AccountEvent { At = at };
        set(e);
        return e;
    }

    private static PlaceOrderRequest Place(string cid, Side side, decimal quantity, decimal? limit = null) => new()
    {
        AccountId = Id, ClientOrderId = cid, Symbol = "NSE:TCS", Side = side, Quantity = ProtoDecimal.ToProto(quantity),
        Type = limit is null ? OrderType.Market : OrderType.Limit, LimitPrice = limit is { } l ? ProtoDecimal.ToProto(l) : null,
        TimeInForce = TimeInForce.Day, Product = Product.Mis,
    };
}
