using System.Reflection;
using Npgsql;

namespace ActorTrading.Storage.Postgres;

/// <summary>
/// Applies the embedded SQL migrations (Migrations/NNNN_name.sql) in one transaction under an
/// advisory lock, so several nodes starting at once apply each exactly once; records them in
/// schema_version; refuses a database newer than the code; then creates partitions ahead.
/// </summary>
public static class Migrator
{
    private const string Prefix = "ActorTrading.Storage.Migrations.";

    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; } = LoadMigrations();

    public static int CodeVersion => Migrations[^1].Version;

    /// <summary>Migrates; returns the versions applied by this call (empty when up to date).</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, PostgresStorageOptions options, CancellationToken ct = default)
    {
        await using var conn = await OpenAsync(dataSource, ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        await ExecAsync(conn, $"CREATE SCHEMA IF NOT EXISTS {Quote(options.Schema)}", ct).ConfigureAwait(false);
        await ExecAsync(conn, $"SET LOCAL search_path TO {Quote(options.Schema)}", ct).ConfigureAwait(false);
        await ExecAsync(conn, "SELECT pg_advisory_xact_lock(hashtext('actortrading.migrate.' || current_schema()))", ct).ConfigureAwait(false);
        await ExecAsync(conn, "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())", ct).ConfigureAwait(false);

        int current;
        await using (var cmd = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", conn))
            current = (int)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        if (current > CodeVersion) throw new SchemaTooNewException(current, CodeVersion);

        var applied = new List<int>();
        foreach (var (version, name, sql) in Migrations.Where(m => m.Version > current))
        {
            await ExecAsync(conn, sql, ct).ConfigureAwait(false);
            await using var record = new NpgsqlCommand("INSERT INTO schema_version (version, name) VALUES ($1, $2)", conn);
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
            await record.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            applied.Add(version);
        }
        await using (var parts = new NpgsqlCommand("SELECT actortrading_ensure_partitions($1)", conn))
        {
            parts.Parameters.Add(new NpgsqlParameter<int> { TypedValue = options.PartitionMonthsAhead });
            await parts.ExecuteScalarAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return applied;
    }

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            var b = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
            throw new StorageUnavailableException(
                $"cannot reach PostgreSQL at {b.Host}:{b.Port} (database '{b.Database}', user '{b.Username}'): {ex.Message}. " +
                "Check ConnectionStrings__Postgres and that the server is running (scripts/dev-services.sh starts one).", ex);
        }
    }

    private static async Task ExecAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static List<(int, string, string)> LoadMigrations()
    {
        var asm = typeof(Migrator).Assembly;
        var list = new List<(int, string, string)>();
        foreach (var res in asm.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var file = res[Prefix.Length..];
            var version = int.Parse(file.AsSpan(0, file.IndexOf('_')), System.Globalization.CultureInfo.InvariantCulture);
            using var reader = new StreamReader(asm.GetManifestResourceStream(res)!);
            list.Add((version, Path.GetFileNameWithoutExtension(file), reader.ReadToEnd()));
        }
        if (list.Count == 0) throw new InvalidOperationException("no embedded migrations found");
        for (int i = 0; i < list.Count; i++)
            if (list[i].Item1 != i + 1) throw new InvalidOperationException($"migrations must be numbered 1..n without gaps; found {list[i].Item2}");
        return list;
    }
}
