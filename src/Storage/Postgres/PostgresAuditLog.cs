using ActorTrading.Actors.Ports;
using ActorTrading.Storage.Postgres.Journal;
using Npgsql;

namespace ActorTrading.Storage.Postgres;

/// <summary>Appends to audit_log (listed by <see cref="PostgresReadModelStore"/>).</summary>
public sealed class PostgresAuditLog(NpgsqlDataSource dataSource) : IAuditLog
{
    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var cmd = dataSource.CreateCommand(
            "INSERT INTO audit_log (at, principal, action, account_id, outcome, detail) VALUES ($1, $2, $3, $4, $5, $6)");
        cmd.Parameters.Add(SqlParam.Of(record.Time.UtcDateTime));
        cmd.Parameters.Add(SqlParam.Of(record.Principal ?? ""));
        cmd.Parameters.Add(SqlParam.Of(record.Action ?? ""));
        cmd.Parameters.Add(SqlParam.Of(record.AccountId ?? ""));
        cmd.Parameters.Add(SqlParam.Of(record.Outcome ?? ""));
        cmd.Parameters.Add(SqlParam.Of(record.Detail ?? ""));
        await PostgresGuard.RunAsync(() => cmd.ExecuteNonQueryAsync(cancellationToken)).ConfigureAwait(false);
    }
}
