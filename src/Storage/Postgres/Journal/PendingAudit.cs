using ActorTrading.Actors.Ports;

namespace ActorTrading.Storage.Postgres.Journal;

/// <summary>An audit record riding in the next group commit (its own INSERT in the journal's transaction).</summary>
internal sealed class PendingAudit(AuditRecord record) : PendingWrite
{
    public AuditRecord Record { get; } = record;
}
