using ActorTrading.Actors.Ports;

namespace ActorTrading.Storage.Tests.Contracts;

/// <summary>One implementation's set of ports, as a contract suite sees them.</summary>
public sealed record StorageUnderTest(
    IAccountJournal Journal,
    ISnapshotStore Snapshots,
    IReadModelStore ReadModels,
    IAuditLog AuditLog,
    IApiKeyStore ApiKeys,
    IBrokerCredentialStore Credentials,
    Func<Task> DisposeAsync);
