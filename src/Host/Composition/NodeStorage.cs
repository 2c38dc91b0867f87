using ActorTrading.Actors.InMemory;
using ActorTrading.Actors.Ports;
using ActorTrading.Storage.Postgres;
using ActorTrading.Storage.Redis;

namespace ActorTrading.Host.Composition;

/// <summary>
/// Every port the node runs on: in memory (embedded, nothing durable) or PostgreSQL + Redis (durable).
/// Opened once at start by <see cref="OpenAsync"/>; PostgreSQL is migrated there.
/// </summary>
public sealed class NodeStorage : IAsyncDisposable
{
    private readonly PostgresStorage? _postgres;
    private readonly RedisStorage? _redis;

    private NodeStorage(bool durable, IAccountJournal journal, ISnapshotStore snapshots, IReadModelStore readModels, IQuoteCache quotes,
        IRateLimitStore rateLimits, IApiKeyStore apiKeys, IAuditLog auditLog, PostgresStorage? postgres = null, RedisStorage? redis = null)
    {
        IsDurable = durable;
        Journal = journal;
        Snapshots = snapshots;
        ReadModels = readModels;
        Quotes = quotes;
        RateLimits = rateLimits;
        ApiKeys = apiKeys;
        AuditLog = auditLog;
        _postgres = postgres;
        _redis = redis;
    }

    public bool IsDurable { get; }
    public IAccountJournal Journal { get; private set; }
    public ISnapshotStore Snapshots { get; }
    public IReadModelStore ReadModels { get; }
    public IQuoteCache Quotes { get; }
    public IRateLimitStore RateLimits { get; }
    public IApiKeyStore ApiKeys { get; }
    public IAuditLog AuditLog { get; }

    /// <summary>The Redis connection (cluster membership), or null without Redis.</summary>
    public RedisConnection? Redis => _redis?.Connection;

    /// <summary>True while Redis is unreachable (the node works on, with less sharing).</summary>
    public bool IsDegraded => _redis?.IsDegraded ?? false;

    public string Describe() => IsDurable
        ? $"durable: PostgreSQL journal{(_redis is null ? ", no Redis (quotes, rate limits and key cache stay in this process)" : " + Redis")}"
        : "embedded: in-memory journal and membership, NOTHING IS DURABLE";

    public static NodeStorage Embedded(TimeProvider time)
    {
        var s = new InMemoryStorage(time);
        return new NodeStorage(false, s.Journal, s.Snapshots, s.ReadModels, s.Quotes, s.RateLimits, s.ApiKeys, s.AuditLog);
    }

    /// <param name="batchesInFlight">The journal's group commits in flight at once (<c>Node:JournalBatchesInFlight</c>).</param>
    public static async Task<NodeStorage> OpenAsync(string? postgres, string? redis, TimeProvider time, CancellationToken ct, int batchesInFlight = 2)
    {
        if (string.IsNullOrEmpty(postgres)) return Embedded(time);
        var options = new PostgresStorageOptions(postgres) { Time = time, MaxInFlightBatches = batchesInFlight };
        var pg = await PostgresStorage.OpenAsync(options, ct).ConfigureAwait(false);
        if (string.IsNullOrEmpty(redis))
        {
            var local = new InMemoryStorage(time);
            return new NodeStorage(true, pg.Journal, pg.Snapshots, pg.ReadModels, local.Quotes, local.RateLimits, pg.ApiKeys, pg.AuditLog, pg);
        }
        var rd = new RedisStorage(new RedisStorageOptions(redis));
        return new NodeStorage(true, pg.Journal, pg.Snapshots, pg.ReadModels, rd.Quotes, rd.RateLimits, rd.ApiKeys(pg), pg.AuditLog, pg, rd);
    }

    /// <summary>Webhook tokens in PostgreSQL (durable node); null on the embedded node.</summary>
    public Storage.Postgres.PostgresWebhookTokenStore? WebhookTokens => _postgres is null ? null : new(_postgres.DataSource);

    /// <summary>Wraps the journal so its commit latency is measured (called once, before the actors start).</summary>
    public void MeasureJournal(System.Diagnostics.Metrics.Meter meter) => Journal = new Metrics.MeasuredAccountJournal(Journal, meter);

    /// <summary>Whether the journal answers now (readiness).</summary>
    public async Task<bool> IsJournalUpAsync(CancellationToken ct)
    {
        if (_postgres is null) return true;
        try
        {
            await using var cmd = _postgres.DataSource.CreateCommand("SELECT 1");
            await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _redis?.Dispose();
        if (_postgres is not null) await _postgres.DisposeAsync().ConfigureAwait(false);
    }
}
