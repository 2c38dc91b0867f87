using ActorTrading.Actors.Ports;
using ActorTrading.Storage.Redis;
using ActorTrading.Storage.Tests.Contracts;
using ActorTrading.Storage.Tests.Infrastructure;

namespace ActorTrading.Storage.Tests.Redis;

public sealed class RedisQuoteCacheTests : QuoteCacheContract
{
    private RedisConnection? _redis;

    protected override IQuoteCache Create()
    {
        _redis = RedisConnection.Connect(new RedisStorageOptions(TestServices.Redis) { KeyPrefix = TestServices.UniqueName("tq") + ":" });
        return new RedisQuoteCache(_redis);
    }

    public override void Dispose()
    {
        _redis?.Dispose();
        base.Dispose();
    }
}

public sealed class RedisRateLimitStoreTests : RateLimitStoreContract
{
    private RedisConnection? _redis;

    protected override IRateLimitStore Create(TimeProvider time)
    {
        _redis = RedisConnection.Connect(new RedisStorageOptions(TestServices.Redis) { KeyPrefix = TestServices.UniqueName("tr") + ":", Time = time });
        return new RedisRateLimitStore(_redis);
    }

    public override void Dispose()
    {
        _redis?.Dispose();
        base.Dispose();
    }
}

public sealed class CachedApiKeyStoreTests : ApiKeyStoreContract
{
    protected override async Task<StorageUnderTest> CreateAsync()
    {
        var schema = await PostgresSchema.CreateAsync();
        var redis = RedisConnection.Connect(new RedisStorageOptions(TestServices.Redis) { KeyPrefix = TestServices.UniqueName("tk") + ":" });
        var s = schema.Storage;
        return new StorageUnderTest(s.Journal, s.Snapshots, s.ReadModels, s.AuditLog, new CachedApiKeyStore(s.ApiKeys, redis),
            new ActorTrading.Actors.InMemory.InMemoryBrokerCredentialStore(),
            async () => { redis.Dispose(); await schema.DisposeAsync(); });
    }
}
