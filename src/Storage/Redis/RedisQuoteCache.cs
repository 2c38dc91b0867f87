using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;
using Google.Protobuf;
using StackExchange.Redis;

namespace ActorTrading.Storage.Redis;

/// <summary>
/// Last quote per symbol in two Redis hashes (tick bytes, and its sequence so an older tick never
/// replaces a newer one, checked atomically in Lua). Without Redis it misses (null) and reports degraded.
/// </summary>
public sealed class RedisQuoteCache(RedisConnection redis) : IQuoteCache, IDegradable
{
    private const string SetScript = """
        local cur = redis.call('HGET', KEYS[2], ARGV[1])
        if cur and tonumber(cur) > tonumber(ARGV[2]) then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
        return 1
        """;

    private readonly RedisKey[] _keys = [redis.Key("quotes"), redis.Key("quotes:seq")];

    public bool IsDegraded => redis.IsDegraded;

    public async ValueTask SetAsync(Tick tick, CancellationToken cancellationToken = default)
    {
        QuoteArguments.Validate(tick);
        if (!redis.Multiplexer.IsConnected) { redis.MarkFailed(); return; }
        try
        {
            await redis.Database.ScriptEvaluateAsync(SetScript, _keys, [tick.Symbol, tick.Sequence, tick.ToByteArray()]).ConfigureAwait(false);
            redis.MarkOk();
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
        {
            redis.MarkFailed();   // a cache: losing a quote loses no data
        }
    }

    public async ValueTask<Tick?> GetAsync(string symbol, CancellationToken cancellationToken = default)
    {
        if (!redis.Multiplexer.IsConnected) { redis.MarkFailed(); return null; }
        try
        {
            var value = await redis.Database.HashGetAsync(_keys[0], symbol).ConfigureAwait(false);
            redis.MarkOk();
            return value.IsNull ? null : Tick.Parser.ParseFrom((byte[])value!);
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
        {
            redis.MarkFailed();
            return null;
        }
    }
}
