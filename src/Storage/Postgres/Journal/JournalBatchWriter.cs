using ActorTrading.Actors.Ports;
using Npgsql;
using static ActorTrading.Storage.Postgres.Journal.SqlParam;

namespace ActorTrading.Storage.Postgres.Journal;

/// <summary>
/// Writes one <see cref="JournalBatch"/> in ONE round trip: an <see cref="NpgsqlBatch"/> without an
/// explicit transaction runs as one implicit transaction (a single Sync), so the seq claims, the
/// events, the read-model updates and the audit rows commit together or not at all. The first statement
/// claims each account's seq range (conditional on the head still being firstSeq - 1) and raises when any
/// claim loses, which aborts the whole transaction: the later statements need no join to skip losers.
/// </summary>
internal static class JournalBatchWriter
{
    /// <summary>Migration 0002: raises SQLSTATE <see cref="ClaimLostState"/> (message: JSON array of the losers) when any claim loses.</summary>
    private const string ClaimSql = "SELECT actortrading_claim($1::text[], $2::bigint[], $3::bigint[], $4::bigint)";

    public const string ClaimLostState = "AT409";

    private const string EventsSql = """
        INSERT INTO account_events (account_id, seq, at, type, payload)
        SELECT e.account_id, e.seq, e.at, e.type, e.payload
        FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::text[], $5::bytea[]) AS e(account_id, seq, at, type, payload)
        """;

    /// <summary>
    /// Runs the batch: committed once this returns; a lost claim throws (see <see cref="ClaimLosers"/>) and writes nothing.
    /// Returns when the statements were built and sent (<see cref="System.Diagnostics.Stopwatch"/> ticks).
    /// </summary>
    public static async Task<long> ExecuteAsync(NpgsqlConnection conn, JournalBatch batch, long batchId, ReadModelChanges changes, CancellationToken ct)
    {
        int groups = batch.Groups.Count, events = batch.EventCount;
        var gAccount = new string[groups]; var gExpected = new long[groups]; var gLast = new long[groups];
        var eAccount = new string[events]; var eSeq = new long[events]; var eAt = new DateTime[events];
        var eType = new string[events]; var ePayload = new byte[events][];
        int i = 0;
        for (int g = 0; g < groups; g++)
        {
            var group = batch.Groups[g];
            gAccount[g] = group.AccountId; gExpected[g] = group.FirstSeq - 1; gLast[g] = group.LastSeq;
            foreach (var a in group.Appends)
                for (int k = 0; k < a.Events.Count; k++, i++)
                {
                    eAccount[i] = a.AccountId; eSeq[i] = a.FirstSeq + k; eAt[i] = a.At[k];
                    eType[i] = EventTypeNames.Of(a.Events[k].EventCase); ePayload[i] = a.Payloads[k];
                    ReadModelProjector.Apply(changes, a.AccountId, eSeq[i], a.Events[k], new DateTimeOffset(a.At[k]));
                }
        }

        await using var npgBatch = new NpgsqlBatch(conn);
        if (groups > 0)
        {
            npgBatch.BatchCommands.Add(Command(ClaimSql, Of(gAccount), Of(gExpected), Of(gLast), Of(batchId)));
            npgBatch.BatchCommands.Add(Command(EventsSql, Of(eAccount), Of(eSeq), Of(eAt), Of(eType), Of(ePayload)));
            ReadModelSql.AddCommands(npgBatch, changes);
        }
        if (batch.Audits.Count > 0) npgBatch.BatchCommands.Add(Audits(batch.Audits));

        long sent = System.Diagnostics.Stopwatch.GetTimestamp();
        await npgBatch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return sent;
    }

    /// <summary>The losing accounts named by a <see cref="ClaimLostState"/> error, or null when it is another error.</summary>
    public static HashSet<string>? ClaimLosers(Exception ex) =>
        ex is PostgresException { SqlState: ClaimLostState, MessageText: { } losers }
            ? new HashSet<string>(System.Text.Json.JsonSerializer.Deserialize<string[]>(losers) ?? [], StringComparer.Ordinal)
            : null;

    private const string AuditSql = """
        INSERT INTO audit_log (at, principal, action, account_id, outcome, detail)
        SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
        """;

    private static NpgsqlBatchCommand Audits(List<PendingAudit> audits)
    {
        int n = audits.Count;
        var at = new DateTime[n]; var principal = new string[n]; var action = new string[n];
        var account = new string[n]; var outcome = new string[n]; var detail = new string[n];
        for (int i = 0; i < n; i++)
        {
            var r = audits[i].Record;
            at[i] = r.Time.UtcDateTime; principal[i] = r.Principal ?? ""; action[i] = r.Action ?? "";
            account[i] = r.AccountId ?? ""; outcome[i] = r.Outcome ?? ""; detail[i] = r.Detail ?? "";
        }
        return Command(AuditSql, Of(at), Of(principal), Of(action), Of(account), Of(outcome), Of(detail));
    }

    /// <summary>The journal's last seq of each losing account, for the conflict message.</summary>
    /// <summary>How many of <paramref name="accounts"/> were last advanced by <paramref name="batchId"/>.</summary>
    public static async Task<long> ClaimedByAsync(NpgsqlConnection conn, string[] accounts, long batchId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM account_heads WHERE account_id = ANY($1) AND batch_id = $2", conn);
        cmd.Parameters.Add(Of(accounts));
        cmd.Parameters.Add(Of(batchId));
        return (long)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    public static async Task<Dictionary<string, long>> LastSeqsAsync(NpgsqlConnection conn, string[] accounts, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT account_id, last_seq FROM account_heads WHERE account_id = ANY($1)", conn);
        cmd.Parameters.Add(Of(accounts));
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) result[reader.GetString(0)] = reader.GetInt64(1);
        return result;
    }
}
