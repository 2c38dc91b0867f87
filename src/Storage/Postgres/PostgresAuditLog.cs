using ActorTrading.Actors.Ports;

namespace ActorTrading.Storage.Postgres;

/// <summary>
/// Appends to audit_log (listed by <see cref="PostgresReadModelStore"/>) through the journal's group commit: each
/// record is one more row in the next batch's transaction, so auditing every order adds no commit (no WAL flush,
/// no round trip) of its own. Completes once the record is committed; <see cref="JournalUnavailableException"/>
/// when PostgreSQL is unreachable.
/// </summary>
public sealed class PostgresAuditLog(PostgresAccountJournal journal) : IAuditLog
{
    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default) =>
        journal.AppendAuditAsync(record, cancellationToken);
}
