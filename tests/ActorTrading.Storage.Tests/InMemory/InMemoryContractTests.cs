using ActorTrading.Actors.InMemory;
using ActorTrading.Actors.Ports;
using ActorTrading.Storage.Tests.Contracts;

namespace ActorTrading.Storage.Tests.InMemory;

internal static class InMemoryUnderTest
{
    public static Task<StorageUnderTest> CreateAsync()
    {
        var s = new InMemoryStorage();
        return Task.FromResult(new StorageUnderTest(s.Journal, s.Snapshots, s.ReadModels, s.AuditLog, s.ApiKeys, s.BrokerCredentials, () => Task.CompletedTask));
    }
}

public sealed class InMemoryAccountJournalTests : AccountJournalContract
{
    protected override Task<StorageUnderTest> CreateAsync() => InMemoryUnderTest.CreateAsync();
}

public sealed class InMemoryReadModelStoreTests : ReadModelStoreContract
{
    protected override Task<StorageUnderTest> CreateAsync() => InMemoryUnderTest.CreateAsync();
}

public sealed class InMemorySnapshotStoreTests : SnapshotStoreContract
{
    protected override Task<StorageUnderTest> CreateAsync() => InMemoryUnderTest.CreateAsync();
}

public sealed class InMemoryApiKeyStoreTests : ApiKeyStoreContract
{
    protected override Task<StorageUnderTest> CreateAsync() => InMemoryUnderTest.CreateAsync();
}

public sealed class InMemoryBrokerCredentialStoreTests : BrokerCredentialStoreContract
{
    protected override Task<StorageUnderTest> CreateAsync() => InMemoryUnderTest.CreateAsync();
}

public sealed class InMemoryQuoteCacheTests : QuoteCacheContract
{
    protected override IQuoteCache Create() => new InMemoryQuoteCache();
}

public sealed class InMemoryRateLimitStoreTests : RateLimitStoreContract
{
    protected override IRateLimitStore Create(TimeProvider time) => new InMemoryRateLimitStore(time);
}
