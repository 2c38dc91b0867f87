using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.InMemory;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Ports;
using ActorTrading.Actors.Risk;
using ActorTrading.Actors.Strategies;
using ActorTrading.Runtime.Dispatch;

namespace ActorTrading.Actors.Hosting;

/// <summary>
/// Everything the trading core needs from its host: the ports (journal, snapshots, quotes, rate limits), the broker
/// connections, reference data, time and the defaults. In-memory ports when nothing else is given.
/// </summary>
public sealed record TradingCoreOptions
{
    public IAccountJournal Journal { get; init; } = new InMemoryAccountJournal();
    public ISnapshotStore Snapshots { get; init; } = new InMemorySnapshotStore();
    public IQuoteCache? Quotes { get; init; }
    public IRateLimitStore? RateLimits { get; init; }

    /// <summary>
    /// The read models the journal writes (the same storage as <see cref="Journal"/>): where an account reads the orders
    /// and trades it no longer holds (finished before the snapshot it was restored from, trades beyond
    /// <c>AccountState.TradesKept</c>). Null: memory only, so such history is missing from GetOrder/ListOrders/ListTrades.
    /// </summary>
    public IReadModelStore? ReadModels { get; init; }

    /// <summary>Creates the adapter of one broker connection (gateway id); called once per gateway activation.</summary>
    public Func<string, IBrokerAdapter> BrokerFactory { get; init; } = _ => throw new InvalidOperationException("no broker factory configured");

    /// <summary>The gateway every account uses (one broker connection per node by default).</summary>
    public string DefaultGateway { get; init; } = "paper";

    public InstrumentCatalog Instruments { get; init; } = InstrumentCatalog.Default;
    public StrategyCatalog Strategies { get; init; } = StrategyCatalog.Default;
    public MarketCalendar Calendar { get; init; } = MarketCalendar.Nse();
    public TimeProvider? TimeProvider { get; init; }
    public RiskSettings DefaultLimits { get; init; } = RiskSettings.Default;

    /// <summary>Builds the risk evaluator of one account (the RiskEngine by default; tests inject faults here).</summary>
    public Func<MarketCalendar, TimeProvider, IRiskEvaluator>? RiskEvaluatorFactory { get; init; }

    public SnapshotPolicy SnapshotPolicy { get; init; } = SnapshotPolicy.Default;
    public TimeSpan PortfolioInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Idle time after which an account passivates (null: never; running strategies keep ticking only while active).</summary>
    public TimeSpan? AccountIdleTimeout { get; init; }

    /// <summary>Gateway limits: orders per second (sliding window), per minute, queue bound.</summary>
    public int GatewayOrdersPerSecond { get; init; } = 10;
    public int GatewayOrdersPerMinute { get; init; } = 200;
    public int GatewayQueueCapacity { get; init; } = 1000;
    public RetryPolicy Retry { get; init; } = new();
    public int BreakerFailureThreshold { get; init; } = 5;
    public TimeSpan BreakerOpenDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Every account (the read model), for a gateway on a broker without client order ids (OpenAlgo): after a restart
    /// it collects each account's known broker orders before attributing any unacknowledged one. Null: no collection.
    /// </summary>
    public Func<CancellationToken, Task<IReadOnlyList<AccountId>>>? AccountDirectory { get; init; }

    /// <summary>How long such a gateway waits for the accounts' claims before it reconciles with what it has.</summary>
    public TimeSpan ClaimsTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Read execution reports in a background loop (live brokers). Replay turns it off: reports are drained inline.</summary>
    public bool PumpExecutionReports { get; init; } = true;

    /// <summary>Dispatcher for the tick-to-order actors (symbol, strategy, risk, account, gateway); null = the system default.</summary>
    public IDispatcher? HotPathDispatcher { get; init; }

    /// <summary>Backoff of a crashing strategy: first delay, and the cap.</summary>
    public TimeSpan StrategyBackoff { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan StrategyMaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Makes strategy webhook tokens (32 random bytes by default; replay makes them deterministic).</summary>
    public Func<string> WebhookTokenFactory { get; init; } = Accounts.WebhookTokens.Create;

    /// <summary>Completed 1-minute bars a symbol actor keeps for GetBars.</summary>
    public int BarsKept { get; init; } = 1440;
}
