using ActorTrading.Storage.Postgres;

namespace ActorTrading.Storage.Redis;

/// <summary>Every Redis-backed port over one connection. Never throws when Redis is down: the stores start degraded.</summary>
public sealed class RedisStorage : IDisposable
{
    public RedisStorage(RedisStorageOptions options)
    {
        Connection = RedisConnection.Connect(options);
        Quotes = new RedisQuoteCache(Connection);
        RateLimits = new RedisRateLimitStore(Connection);
    }

    public RedisConnection Connection { get; }
    public RedisQuoteCache Quotes { get; }
    public RedisRateLimitStore RateLimits { get; }

    /// <summary>True while Redis is unreachable (health reports "degraded"; no data is lost).</summary>
    public bool IsDegraded => Connection.IsDegraded;

    /// <summary>The API keys of <paramref name="postgres"/> behind this Redis cache.</summary>
    public CachedApiKeyStore ApiKeys(PostgresStorage postgres) => new(postgres.ApiKeys, Connection);

    public void Dispose() => Connection.Dispose();
}
