using ActorTrading.Storage.Postgres;
using Npgsql;

namespace ActorTrading.Load.Storage;

/// <summary>A fresh schema on ConnectionStrings__Postgres for one run, dropped afterwards unless --keep.</summary>
internal static class BenchSchema
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") is { Length: > 0 } cs ? cs
            : throw new InvalidOperationException("ConnectionStrings__Postgres is not set: start scripts/dev-services.sh and export the lines it prints");

    public static async Task<PostgresStorage> OpenAsync(string prefix, int maxBatchEvents, int inFlight = 2, Action<JournalCommit>? onCommit = null)
    {
        var options = new PostgresStorageOptions(ConnectionString)
        {
            Schema = $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 9)],
            MaxBatchEvents = maxBatchEvents,
            MaxInFlightBatches = inFlight,
            OnCommit = onCommit,
        };
        return await PostgresStorage.OpenAsync(options);
    }

    public static async Task DropAsync(PostgresStorage storage)
    {
        var schema = storage.Options.Schema;
        await storage.DisposeAsync();
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
