using ProtoDecimal = ActorTrading.Actors.Model.ProtoDecimal;
using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;
using ActorTrading.Storage.Redis;
using ActorTrading.Storage.Tests.Infrastructure;

namespace ActorTrading.Storage.Tests.Redis;

/// <summary>Two nodes (two connections, one key prefix) share what Redis holds.</summary>
public sealed class DistributedRedisTests : IAsyncLifetime
{
    private readonly string _prefix = TestServices.UniqueName("td") + ":";
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 9, 15, 15, TimeSpan.Zero));
    private readonly PostgresSchema _schema = new();
    private RedisConnection _nodeA = null!, _nodeB = null!;

    public async Task InitializeAsync()
    {
        await _schema.InitializeAsync();
        _nodeA = RedisConnection.Connect(new RedisStorageOptions(TestServices.Redis) { KeyPrefix = _prefix, Time = _time });
        _nodeB = RedisConnection.Connect(new RedisStorageOptions(TestServices.Redis) { KeyPrefix = _prefix, Time = _time });
    }

    public async Task DisposeAsync()
    {
        _nodeA?.Dispose();
        _nodeB?.Dispose();
        await _schema.DisposeAsync();
    }

    [Fact]
    public async Task TryTakeAsync_TwoNodesOneBucket_LimitHoldsAcrossBoth()
    {
        var policy = new RateLimitPolicy(ratePerSecond: 1, burst: 4);
        IRateLimitStore a = new RedisRateLimitStore(_nodeA), b = new RedisRateLimitStore(_nodeB);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? a : b).TryTakeAsync("broker-1", policy).AsTask()));

        Assert.Equal(4, decisions.Count(d => d.Allowed));
    }

    [Fact]
    public async Task VerifyAsync_KeyRevokedOnAnotherNode_RefusedAtOnce()
    {
        var storeA = new CachedApiKeyStore(_schema.Storage.ApiKeys, _nodeA);
        var storeB = new CachedApiKeyStore(_schema.Storage.ApiKeys, _nodeB);
        var key = await storeA.CreateAsync("bot", Role.Trader, ["acct-1"]);
        Assert.NotNull(await storeA.VerifyAsync(key.Key));   // now cached in Redis
        Assert.NotNull(await storeB.VerifyAsync(key.Key));

        Assert.True(await storeB.RevokeAsync(key.KeyId));

        Assert.Null(await storeA.VerifyAsync(key.Key));
    }

    [Fact]
    public async Task GetAsync_QuoteSetOnAnotherNode_IsSeen()
    {
        await new RedisQuoteCache(_nodeA).SetAsync(new Tick { Symbol = "NSE:TCS", Sequence = 9, Last = ProtoDecimal.ToProtoRounded(4100.5m) });

        var tick = await new RedisQuoteCache(_nodeB).GetAsync("NSE:TCS");

        Assert.Equal(4100.5m, ProtoDecimal.FromProto(tick!.Last));
    }
}
