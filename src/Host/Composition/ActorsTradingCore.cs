using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Feeds;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Host.Configuration;
using ActorTrading.Runtime.Cluster;
using RuntimeCluster = ActorTrading.Runtime.Cluster.Cluster;

namespace ActorTrading.Host.Composition;

/// <summary>
/// The trading actors of src/Actors (<see cref="TradingCore"/>: account, symbol, gateway) on the node's ports, with the
/// configured broker (paper or OpenAlgo) and feed (simulated, CSV replay, or none: PublishTicks only).
/// </summary>
public sealed partial class ActorsTradingCore : ITradingCore, IDisposable
{
    public static readonly TimeSpan StallThreshold = TimeSpan.FromSeconds(30);

    private readonly ILogger<ActorsTradingCore> log;
    private readonly System.Diagnostics.Metrics.Meter _meter = new("ActorTrading.Host.Feed");

    public ActorsTradingCore(ILogger<ActorsTradingCore> logger)
    {
        log = logger;
        _meter.CreateObservableCounter("actortrading.feed.ticks", () => _driver?.Published ?? 0,
            description: "ticks the node's feed published to the symbol actors (rate = ticks/s)");
    }

    private readonly CancellationTokenSource _stop = new();
    private TradingServices? _services;
    private TradingCoreContext? _context;
    private FeedDriver? _driver;
    private Task _feed = Task.CompletedTask;
    private volatile string? _feedProblem = "the feed has not started";

    public string? FeedProblem => _feed.IsFaulted ? "the feed failed: " + _feed.Exception!.GetBaseException().Message : _feedProblem;

    public IReadOnlyList<ClusterKind> CreateKinds(TradingCoreContext context)
    {
        _context = context;
        var o = context.Options;
        var options = new TradingCoreOptions
        {
            Journal = context.Storage.Journal, Snapshots = context.Storage.Snapshots, ReadModels = context.Storage.ReadModels, Quotes = context.Storage.Quotes,
            RateLimits = context.Storage.RateLimits, BrokerFactory = id => CreateBroker(id, o.Broker, context),
            DefaultGateway = o.Broker.Kind, Instruments = context.Instruments, TimeProvider = context.Time,
            DefaultLimits = RiskSettings.Default with
            {
                RiskPerTradePercent = o.Risk.RiskPerTradePercent, MinRewardRisk = o.Risk.MinRewardRisk,
                MaxDailyLossPercent = o.Risk.MaxDailyLossPercent, MaxOpenPositions = o.Risk.MaxOpenPositions,
                MaxTradesPerDay = o.Risk.MaxTradesPerDay, MaxOrdersPerDay = o.Risk.MaxOrdersPerDay,
                MaxPositionPercent = o.Risk.MaxPositionPercent, PriceBandPercent = o.Risk.PriceBandPercent,
                EnforceMarketHours = context.EnforceMarketHours, OrdersPerSecond = o.Risk.OrdersPerSecond, OrderBurst = o.Risk.OrdersPerSecond,
            },
            GatewayOrdersPerSecond = o.Broker.OrdersPerSecond, GatewayOrdersPerMinute = o.Broker.OrdersPerMinute,
            GatewayQueueCapacity = o.Broker.QueueCapacity,
            AccountDirectory = o.Broker.Kind == "openalgo" ? ct => AllAccountsAsync(context.Storage.ReadModels, ct) : null,
        };
        _services = new TradingServices(options, context.Time);
        return TradingCore.Kinds(_services);
    }

    public Task StartAsync(RuntimeCluster cluster, CancellationToken cancellationToken)
    {
        _services!.Attach(cluster);
        var context = _context!;
        var feed = context.Options.Feed;
        _driver = new FeedDriver(cluster, new DataStallWatchdog(MarketCalendar.Nse(), StallThreshold), context.Time);
        _driver.Stalled += s => { _feedProblem = $"no ticks for {s.Symbol} since {s.LastTick:O}"; LogStalled(log, s.Symbol.Value); };
        _driver.Recovered += _ => _feedProblem = null;
        var symbols = feed.SymbolList.Count > 0
            ? feed.SymbolList.Select(s => context.Instruments.TryGet(SymbolId.Parse(s), out var spec) ? spec : null).OfType<InstrumentSpec>().ToList()
            : [.. context.Instruments.All];
        switch (feed.Kind)
        {
            case "simulated":
                // Not Task.Run: the first step (a tick of every symbol) is posted to the symbol actors here, before the node
                // announces it is ready, so a market order or GetQuote right behind the ready line finds a price instead of
                // racing the feed's first turn on the thread pool (a denial "no last price known" on a loaded machine).
                var simulated = new SimulatedFeed(symbols, seed: Environment.TickCount);
                _feed = _driver.RunAsync(simulated, TimeSpan.FromSeconds(1 / feed.TicksPerSecond), _stop.Token);
                _feedProblem = null;
                break;
            case "csv":
                var csv = new CsvReplayFeed(() => File.OpenText(feed.File));
                _feed = Task.Run(() => _driver.ReplayAsync(csv, feed.Speed, _stop.Token), CancellationToken.None);
                _feedProblem = null;
                break;
            default:
                _feedProblem = null;   // no feed: ticks come through PublishTicks
                break;
        }
        LogFeed(log, feed.Kind, symbols.Count, context.Options.Broker.Kind);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _feed.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _meter.Dispose();
        _stop.Dispose();
    }

    private static IBrokerAdapter CreateBroker(string connectionId, BrokerOptions broker, TradingCoreContext context) => broker.Kind switch
    {
        "openalgo" => new OpenAlgoBroker(new HttpClient { Timeout = broker.RequestTimeout },
            new OpenAlgoOptions { BaseAddress = BaseAddress(broker.Url), ApiKey = broker.ApiKey, Name = connectionId, PollInterval = broker.PollInterval }, context.Time),
        _ => new PaperBroker(context.Instruments, context.Time, new PaperBrokerOptions { Name = connectionId }),
    };

    private static async Task<IReadOnlyList<AccountId>> AllAccountsAsync(Actors.Ports.IReadModelStore readModels, CancellationToken ct)
    {
        var all = new List<AccountId>();
        var page = new Actors.Ports.PageRequest(1000);
        while (true)
        {
            var accounts = await readModels.ListAccountsAsync(page, ct).ConfigureAwait(false);
            all.AddRange(accounts.Items.Select(a => new AccountId(a.AccountId)));
            if (accounts.NextPageToken.Length == 0) return all;
            page = page with { PageToken = accounts.NextPageToken };
        }
    }

    /// <summary>The adapter appends api/v1/...: a base without a trailing slash would lose its last segment.</summary>
    private static Uri BaseAddress(string url) => new(url.EndsWith('/') ? url : url + "/");

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed} on {Symbols} symbols; broker {Broker}")]
    private static partial void LogFeed(ILogger logger, string feed, int symbols, string broker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Market data stalled for {Symbol}")]
    private static partial void LogStalled(ILogger logger, string symbol);
}
