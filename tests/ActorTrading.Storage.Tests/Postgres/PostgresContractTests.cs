using System.Security.Cryptography;
using ActorTrading.Storage.Postgres;
using ActorTrading.Storage.Tests.Contracts;
using ActorTrading.Storage.Tests.Infrastructure;

namespace ActorTrading.Storage.Tests.Postgres;

internal static class PostgresUnderTest
{
    public static async Task<StorageUnderTest> CreateAsync()
    {
        var schema = await PostgresSchema.CreateAsync();
        var s = schema.Storage;
        return new StorageUnderTest(s.Journal, s.Snapshots, s.ReadModels, s.AuditLog, s.ApiKeys,
            s.BrokerCredentials(new CredentialCipher(RandomNumberGenerator.GetBytes(32))), schema.DisposeAsync);
    }
}

public sealed class PostgresAccountJournalTests : AccountJournalContract
{
    protected override Task<StorageUnderTest> CreateAsync() => PostgresUnderTest.CreateAsync();
}

public sealed class PostgresReadModelStoreTests : ReadModelStoreContract
{
    protected override Task<StorageUnderTest> CreateAsync() => PostgresUnderTest.CreateAsync();
}

public sealed class PostgresSnapshotStoreTests : SnapshotStoreContract
{
    protected override Task<StorageUnderTest> CreateAsync() => PostgresUnderTest.CreateAsync();
}

public sealed class PostgresApiKeyStoreTests : ApiKeyStoreContract
{
    protected override Task<StorageUnderTest> CreateAsync() => PostgresUnderTest.CreateAsync();
}

public sealed class PostgresBrokerCredentialStoreTests : BrokerCredentialStoreContract
{
    protected override Task<StorageUnderTest> CreateAsync() => PostgresUnderTest.CreateAsync();
}
