namespace ActorTrading.Host.Configuration;

/// <summary>
/// The node's settings: section <c>Node</c> of appsettings.json, environment variables
/// (<c>Node__NodeId</c>), or the command line (<c>--node-id</c>, <c>--feed</c>, <c>--broker</c>, ...).
/// Validated at start by <see cref="NodeOptionsValidator"/>; a bad value stops the node with a clear error.
/// </summary>
public sealed class NodeOptions
{
    public const string Section = "Node";

    /// <summary>This node's id in the cluster; default: the machine name.</summary>
    public string NodeId { get; set; } = Environment.MachineName.ToLowerInvariant();

    /// <summary>Cleartext HTTP/1.1 addresses for webhooks, health and metrics (the gRPC port speaks h2c only). Empty: none.</summary>
    public string HttpUrls { get; set; } = "http://127.0.0.1:5001";

    /// <summary>The admin key (<c>ACTORTRADING_ADMIN_KEY</c>); empty: a key is created and printed once at start.</summary>
    public string AdminKey { get; set; } = "";

    /// <summary>How long an API call waits for its actor before failing DEADLINE_EXCEEDED / UNAVAILABLE.</summary>
    public TimeSpan ActorRequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long shutdown waits for in-flight calls before passivating actors.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Messages buffered per server stream before the oldest is dropped (ticks, order events).</summary>
    public int StreamBufferSize { get; set; } = 1024;

    /// <summary>Largest request message, bytes (RESOURCE_EXHAUSTED above it).</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The PostgreSQL journal's lanes (<c>PostgresStorageOptions.MaxInFlightBatches</c>): an account always writes through
    /// the same lane, and each lane has its own connection and one group commit in flight. More lanes let an order's
    /// append start while other accounts' fill and audit commits are still flushing, at the cost of smaller batches
    /// (see benchmarks/RESULTS.md, Storage and Node, session 3).
    /// </summary>
    public int JournalBatchesInFlight { get; set; } = ActorTrading.Storage.Postgres.PostgresStorageOptions.DefaultMaxInFlightBatches;

    /// <summary>Concurrent audit-log writers.</summary>
    public int AuditWriters { get; set; } = 4;

    public FeedOptions Feed { get; set; } = new();

    public BrokerOptions Broker { get; set; } = new();

    public RiskDefaultsOptions Risk { get; set; } = new();

    public ClusterOptions Cluster { get; set; } = new();

    /// <summary>Command-line switches and the configuration keys they set.</summary>
    public static IDictionary<string, string> Switches { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--node-id"] = "Node:NodeId",
        ["--http-urls"] = "Node:HttpUrls",
        ["--admin-key"] = "Node:AdminKey",
        ["--feed"] = "Node:Feed:Kind",
        ["--feed-file"] = "Node:Feed:File",
        ["--feed-symbols"] = "Node:Feed:Symbols",
        ["--broker"] = "Node:Broker:Kind",
        ["--broker-url"] = "Node:Broker:Url",
        ["--market-hours"] = "Node:Risk:EnforceMarketHours",
        ["--risk-per-trade"] = "Node:Risk:RiskPerTradePercent",
        ["--max-daily-loss"] = "Node:Risk:MaxDailyLossPercent",
        ["--max-open-positions"] = "Node:Risk:MaxOpenPositions",
        ["--advertise"] = "Node:Cluster:Advertise",
        ["--cluster-name"] = "Node:Cluster:Name",
        ["--cluster-secret"] = "Node:Cluster:Secret",
    };
}
