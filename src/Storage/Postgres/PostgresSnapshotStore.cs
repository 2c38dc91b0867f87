using ActorTrading.Actors.Ports;
using ActorTrading.Events.V1;
using ActorTrading.Storage.Postgres.Journal;
using Google.Protobuf;
using Npgsql;

namespace ActorTrading.Storage.Postgres;

/// <summary>Latest snapshot per account in account_snapshots (an older snapshot never replaces a newer one).</summary>
public sealed class PostgresSnapshotStore(NpgsqlDataSource dataSource, TimeProvider time) : ISnapshotStore
{
    public async Task SaveAsync(AccountSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        SnapshotArguments.Validate(snapshot);
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO account_snapshots (account_id, seq, at, payload) VALUES ($1, $2, $3, $4)
            ON CONFLICT (account_id) DO UPDATE SET seq = excluded.seq, at = excluded.at, payload = excluded.payload
            WHERE account_snapshots.seq < excluded.seq
            """);
        cmd.Parameters.Add(SqlParam.Of(snapshot.AccountId));
        cmd.Parameters.Add(SqlParam.Of(snapshot.LastSeq));
        cmd.Parameters.Add(SqlParam.Of(snapshot.At?.ToDateTime() ?? time.GetUtcNow().UtcDateTime));
        cmd.Parameters.Add(SqlParam.Of(snapshot.ToByteArray()));
        await Guard(() => cmd.ExecuteNonQueryAsync(cancellationToken)).ConfigureAwait(false);
    }

    public async Task<AccountSnapshot?> LoadLatestAsync(string accountId, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT seq, payload FROM account_snapshots WHERE account_id = $1");
        cmd.Parameters.Add(SqlParam.Of(accountId));
        var row = await Guard(async () =>
        {
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? (reader.GetInt64(0), reader.GetFieldValue<byte[]>(1))
                : ((long, byte[])?)null;
        }).ConfigureAwait(false);
        if (row is not { } r) return null;
        try
        {
            return AccountSnapshot.Parser.ParseFrom(r.Item2);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new JournalCorruptException(accountId, r.Item1, "snapshot", ex);
        }
    }

    private static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try { return await action().ConfigureAwait(false); }
        catch (Exception ex) when (PostgresErrors.IsUnavailable(ex))
        {
            throw new JournalUnavailableException($"snapshot store unavailable: {ex.Message}", ex);
        }
    }
}
