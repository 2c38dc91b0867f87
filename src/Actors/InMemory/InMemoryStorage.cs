using ActorTrading.Actors.Ports;

namespace ActorTrading.Actors.InMemory;

/// <summary>Every port, in memory, wired together: what the embedded node runs on. Nothing is durable.</summary>
public sealed class InMemoryStorage
{
    public InMemoryStorage(TimeProvider? time = null)
    {
        ReadModels = new InMemoryReadModelStore();
        Journal = new InMemoryAccountJournal(ReadModels, time);
        AuditLog = new InMemoryAuditLog(ReadModels);
        RateLimits = new InMemoryRateLimitStore(time);
    }

    public InMemoryReadModelStore ReadModels { get; }
    public IAccountJournal Journal { get; }
    public ISnapshotStore Snapshots { get; } = new InMemorySnapshotStore();
    public IQuoteCache Quotes { get; } = new InMemoryQuoteCache();
    public IRateLimitStore RateLimits { get; }
    public IApiKeyStore ApiKeys { get; } = new InMemoryApiKeyStore();
    public IAuditLog AuditLog { get; }
    public IBrokerCredentialStore BrokerCredentials { get; } = new InMemoryBrokerCredentialStore();
}
