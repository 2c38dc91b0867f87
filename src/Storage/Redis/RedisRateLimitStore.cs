using ActorTrading.Actors.InMemory;
using ActorTrading.Actors.Ports;
using StackExchange.Redis;

namespace ActorTrading.Storage.Redis;

/// <summary>
/// The distributed token bucket: one Lua script per take (atomic on the server), the same rules as
/// <see cref="TokenBucketMath"/>, so a broker connection's limit holds across every process. Time is
/// the caller's TimeProvider (nodes are NTP-synchronised; the script never moves a bucket backwards).
/// Without Redis it falls back to a local bucket per process and reports degraded.
/// </summary>
public sealed class RedisRateLimitStore(RedisConnection redis) : IRateLimitStore, IDegradable
{
    private const string TakeScript = """
        local rate, burst, cap, tokens, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
        local capacity = burst * 1000
        local s = redis.call('HMGET', KEYS[1], 't', 'u', 'm', 'c')
        local t, u, m, c = tonumber(s[1]), tonumber(s[2]), tonumber(s[3]), tonumber(s[4])
        if t == nil then t, u, m, c = capacity, now, 0, 0 end
        if now > u then
          t = math.min(capacity, t + (now - u) * rate)
          u = now
        end
        local minute = math.floor(now / 60000)
        if minute ~= m then m, c = minute, 0 end
        local need = tokens * 1000
        local allowed, retry = 0, 0
        if cap > 0 and c + tokens > cap then
          retry = (minute + 1) * 60000 - now
        elseif need > capacity then
          retry = -1
        elseif t < need then
          retry = math.floor((need - t + rate - 1) / rate)
        else
          t = t - need
          c = c + tokens
          allowed = 1
        end
        redis.call('HSET', KEYS[1], 't', t, 'u', u, 'm', m, 'c', c)
        redis.call('PEXPIRE', KEYS[1], 120000 + math.ceil(capacity / rate))
        return {allowed, retry}
        """;

    private readonly InMemoryRateLimitStore _fallback = new(redis.Options.Time);

    public bool IsDegraded => redis.IsDegraded;

    public async ValueTask<RateLimitDecision> TryTakeAsync(string bucketKey, RateLimitPolicy policy, int tokens = 1, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucketKey);
        ArgumentNullException.ThrowIfNull(policy);
        if (tokens <= 0) throw new ArgumentOutOfRangeException(nameof(tokens), tokens, "must be > 0");
        if (redis.Multiplexer.IsConnected)
        {
            try
            {
                long now = redis.Options.Time.GetUtcNow().ToUnixTimeMilliseconds();
                var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(TakeScript, [redis.Key("rl:" + bucketKey)],
                    [policy.RatePerSecond, policy.Burst, policy.PerMinuteCap, tokens, now]).ConfigureAwait(false))!;
                redis.MarkOk();
                long allowed = (long)result[0], retry = (long)result[1];
                return allowed == 1 ? RateLimitDecision.Allow
                    : RateLimitDecision.Deny(retry < 0 ? TimeSpan.MaxValue : TimeSpan.FromMilliseconds(retry));
            }
            catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
            {
                redis.MarkFailed();
            }
        }
        return await _fallback.TryTakeAsync(bucketKey, policy, tokens, cancellationToken).ConfigureAwait(false);
    }
}
