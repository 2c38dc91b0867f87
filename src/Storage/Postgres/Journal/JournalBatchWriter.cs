using ActorTrading.Actors.Ports;
using Npgsql;
using static ActorTrading.Storage.Postgres.Journal.SqlParam;

namespace ActorTrading.Storage.Postgres.Journal;

/// <summary>
/// Writes one <see cref="JournalBatch"/> in ONE round trip: an <see cref="NpgsqlBatch"/> without an
/// explicit transaction runs as one implicit transaction (a single Sync), so the seq claims, the
/// events and the read-model updates commit together or not at all. The first statement claims each
/// account's seq range (conditional on the head still being firstSeq - 1) and stamps the winners with
/// this batch's id; every later statement joins on that stamp, so a losing account writes nothing.
/// </summary>
internal static class JournalBatchWriter
{
    private const string ClaimSql = """
        WITH req AS (SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS r(account_id, expected, new_last)),
        ins AS (INSERT INTO account_heads (account_id, last_seq, batch_id)
                SELECT account_id, new_last, $4 FROM req WHERE expected = 0
                ON CONFLICT (account_id) DO NOTHING RETURNING account_id),
        upd AS (UPDATE account_heads h SET last_seq = r.new_last, batch_id = $4 FROM req r
                WHERE h.account_id = r.account_id AND r.expected > 0 AND h.last_seq = r.expected RETURNING h.account_id)
        SELECT account_id FROM ins UNION ALL SELECT account_id FROM upd
        """;

    private const string EventsSql = """
        INSERT INTO account_events (account_id, seq, at, type, payload)
        SELECT e.account_id, e.seq, e.at, e.type, e.payload
        FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::text[], $5::bytea[]) AS e(account_id, seq, at, type, payload)
        JOIN account_heads h ON h.account_id = e.account_id AND h.batch_id = $6
        """;

    /// <summary>Runs the batch; returns the accounts whose claim won (committed once this returns).</summary>
    public static async Task<HashSet<string>> ExecuteAsync(NpgsqlConnection conn, JournalBatch batch, long batchId, ReadModelChanges changes, CancellationToken ct)
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
            npgBatch.BatchCommands.Add(Command(EventsSql, Of(eAccount), Of(eSeq), Of(eAt), Of(eType), Of(ePayload), Of(batchId)));
            ReadModelSql.AddCommands(npgBatch, changes, batchId);
        }
        if (batch.Audits.Count > 0) npgBatch.BatchCommands.Add(Audits(batch.Audits));

        var winners = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await npgBatch.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false)) winners.Add(reader.GetString(0));
            while (await reader.NextResultAsync(ct).ConfigureAwait(false)) { }
        }
        return winners;
    }

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
