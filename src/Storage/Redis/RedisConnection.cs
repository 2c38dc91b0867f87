using StackExchange.Redis;

namespace ActorTrading.Storage.Redis;

/// <summary>
/// One multiplexed connection (StackExchange.Redis 1.2.6, the only version the registry restores)
/// that reconnects by itself, plus the degraded flag every Redis store shares: set by a failed call
/// or a dropped connection, cleared when the connection is restored and a call succeeds.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private volatile bool _degraded;

    private RedisConnection(ConnectionMultiplexer multiplexer, RedisStorageOptions options)
    {
        Multiplexer = multiplexer;
        Options = options;
        _degraded = !multiplexer.IsConnected;
        multiplexer.ConnectionFailed += (_, _) => _degraded = true;
        multiplexer.ConnectionRestored += (_, _) => _degraded = !multiplexer.IsConnected;
    }

    public ConnectionMultiplexer Multiplexer { get; }
    public RedisStorageOptions Options { get; }
    public IDatabase Database => Multiplexer.GetDatabase();

    /// <summary>True while Redis is unreachable: stores answer from their fallbacks.</summary>
    public bool IsDegraded => _degraded || !Multiplexer.IsConnected;

    /// <summary>Connects (never throws when Redis is down at start: the stores begin degraded and recover).</summary>
    public static RedisConnection Connect(RedisStorageOptions options)
    {
        var config = ConfigurationOptions.Parse(options.Configuration);
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = Math.Min(config.ConnectTimeout, 5000);
        config.SyncTimeout = options.OperationTimeoutMs;
        config.ResponseTimeout = options.OperationTimeoutMs;
        config.ConnectRetry = 1;
        return new RedisConnection(ConnectionMultiplexer.Connect(config), options);
    }

    public RedisKey Key(string name) => Options.KeyPrefix + name;

    internal void MarkFailed() => _degraded = true;

    internal void MarkOk()
    {
        if (_degraded && Multiplexer.IsConnected) _degraded = false;
    }

    /// <summary>Failures that mean "Redis is not there": fall back instead of failing the caller.</summary>
    internal static bool IsUnavailable(Exception ex) =>
        ex is RedisConnectionException or RedisTimeoutException or TimeoutException or ObjectDisposedException
        || (ex is RedisServerException rse && rse.Message.StartsWith("LOADING", StringComparison.Ordinal));

    public void Dispose() => Multiplexer.Dispose();
}
