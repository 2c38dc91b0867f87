using ActorTrading.Actors.Model;

namespace ActorTrading.Host.Configuration;

/// <summary>Checks every setting at start; each problem names the key and says what is wrong.</summary>
public static class NodeOptionsValidator
{
    private static readonly string[] FeedKinds = ["simulated", "csv", "none"];
    private static readonly string[] BrokerKinds = ["paper", "openalgo"];

    public static IReadOnlyList<string> Validate(NodeOptions o, string? postgres, string? redis)
    {
        var errors = new List<string>();
        void Check(bool ok, string message) { if (!ok) errors.Add(message); }

        Check(AccountId.TryParse(o.NodeId, out _), $"Node:NodeId '{o.NodeId}' must be 1..64 letters, digits, '-', '_', '.' or ':'");
        foreach (var url in SplitUrls(o.HttpUrls))
            Check(ListenAddress.TryParse(url, out _), $"Node:HttpUrls '{url}' is not an http://host:port address");
        Check(o.ActorRequestTimeout > TimeSpan.Zero, "Node:ActorRequestTimeout must be positive");
        Check(o.ShutdownTimeout >= TimeSpan.Zero, "Node:ShutdownTimeout must not be negative");
        Check(o.StreamBufferSize is >= 1 and <= 1_000_000, "Node:StreamBufferSize must be 1..1000000");
        Check(o.MaxReceiveMessageSize is >= 1024 and <= 64 * 1024 * 1024, "Node:MaxReceiveMessageSize must be 1 KiB..64 MiB");
        Check(o.AuditWriters is >= 1 and <= 64, "Node:AuditWriters must be 1..64");
        Check(o.JournalBatchesInFlight is >= 1 and <= 64, "Node:JournalBatchesInFlight must be 1..64");

        Check(FeedKinds.Contains(o.Feed.Kind), $"Node:Feed:Kind '{o.Feed.Kind}' must be one of {string.Join(", ", FeedKinds)}");
        Check(o.Feed.Kind != "csv" || File.Exists(o.Feed.File), $"Node:Feed:File '{o.Feed.File}' does not exist (required by the csv feed)");
        Check(o.Feed.TicksPerSecond is > 0 and <= 100_000, "Node:Feed:TicksPerSecond must be in (0, 100000]");
        Check(o.Feed.Speed > 0, "Node:Feed:Speed must be positive");
        foreach (var symbol in o.Feed.SymbolList)
            Check(SymbolId.TryParse(symbol, out var id) && InstrumentCatalog.Default.Contains(id), $"Node:Feed:Symbols: '{symbol}' is not a known instrument");

        Check(BrokerKinds.Contains(o.Broker.Kind), $"Node:Broker:Kind '{o.Broker.Kind}' must be one of {string.Join(", ", BrokerKinds)}");
        Check(o.Broker.Kind != "openalgo" || Uri.TryCreate(o.Broker.Url, UriKind.Absolute, out _), "Node:Broker:Url must be an absolute URL for the openalgo broker");
        Check(o.Broker.Kind != "openalgo" || o.Broker.ApiKey.Length > 0, "Node:Broker:ApiKey is required for the openalgo broker");
        Check(o.Broker.PollInterval >= TimeSpan.FromMilliseconds(10) && o.Broker.PollInterval <= TimeSpan.FromMinutes(10), "Node:Broker:PollInterval must be 00:00:00.010..00:10:00");
        Check(o.Broker.RequestTimeout > TimeSpan.Zero && o.Broker.RequestTimeout <= TimeSpan.FromMinutes(5), "Node:Broker:RequestTimeout must be in (0, 00:05:00]");
        Check(o.Broker.OrdersPerSecond is >= 1 and <= 1_000_000, "Node:Broker:OrdersPerSecond must be 1..1000000");
        Check(o.Broker.OrdersPerMinute is >= 1 and <= 60_000_000, "Node:Broker:OrdersPerMinute must be 1..60000000");
        Check(o.Broker.QueueCapacity is >= 1 and <= 10_000_000, "Node:Broker:QueueCapacity must be 1..10000000");
        Check(o.Risk.OrdersPerSecond is >= 1 and <= 1_000_000, "Node:Risk:OrdersPerSecond must be 1..1000000");

        var r = o.Risk;
        Check(r.RiskPerTradePercent is > 0 and <= 100, "Node:Risk:RiskPerTradePercent must be in (0, 100]");
        Check(r.MinRewardRisk >= 0, "Node:Risk:MinRewardRisk must not be negative");
        Check(r.MaxDailyLossPercent is > 0 and <= 100, "Node:Risk:MaxDailyLossPercent must be in (0, 100]");
        Check(r.MaxOpenPositions >= 1, "Node:Risk:MaxOpenPositions must be at least 1");
        Check(r.MaxTradesPerDay >= 1, "Node:Risk:MaxTradesPerDay must be at least 1");
        Check(r.MaxOrdersPerDay >= 1, "Node:Risk:MaxOrdersPerDay must be at least 1");
        Check(r.MaxPositionPercent is > 0 and <= 100, "Node:Risk:MaxPositionPercent must be in (0, 100]");
        Check(r.PriceBandPercent is > 0 and <= 100, "Node:Risk:PriceBandPercent must be in (0, 100]");

        Check(string.IsNullOrEmpty(redis) || !string.IsNullOrEmpty(postgres),
            "ConnectionStrings:Redis is set but ConnectionStrings:Postgres is not: Redis alone is not durable; set both (durable) or neither (embedded)");
        ValidateCluster(o, postgres, redis, Check);
        return errors;
    }

    private static void ValidateCluster(NodeOptions o, string? postgres, string? redis, Action<bool, string> check)
    {
        var c = o.Cluster;
        check(!string.IsNullOrWhiteSpace(c.Name) && c.Name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'),
            $"Node:Cluster:Name '{c.Name}' must be letters, digits, '-', '_' or '.'");
        check(c.MembershipTtl > TimeSpan.Zero && c.HeartbeatInterval > TimeSpan.Zero && c.HeartbeatInterval * 2 <= c.MembershipTtl,
            "Node:Cluster:HeartbeatInterval must be positive and at most half of Node:Cluster:MembershipTtl");
        if (!c.Enabled) return;
        check(c.Advertise.Contains(':', StringComparison.Ordinal) && ListenAddress.TryParse("http://" + c.Advertise, out var advertised) && advertised.Port > 0,
            $"Node:Cluster:Advertise '{c.Advertise}' must be host:port (the address other nodes dial to reach this node's gRPC port)");
        check(!string.IsNullOrEmpty(redis), "Node:Cluster:Advertise is set (cluster mode) but ConnectionStrings:Redis is not: cluster membership lives in Redis");
        check(!string.IsNullOrEmpty(postgres), "Node:Cluster:Advertise is set (cluster mode) but ConnectionStrings:Postgres is not: accounts that move between nodes recover from PostgreSQL");
        check(c.Secret.Length > 0 || o.AdminKey.Length > 0,
            "cluster mode needs Node:Cluster:Secret (or, failing that, Node:AdminKey / ACTORTRADING_ADMIN_KEY), the same on every node: nodes authenticate each other's remoting streams with it");
        check(c.Secret.Length is 0 or >= 16, "Node:Cluster:Secret must be at least 16 characters");
    }

    public static IEnumerable<string> SplitUrls(string urls) =>
        (urls ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
