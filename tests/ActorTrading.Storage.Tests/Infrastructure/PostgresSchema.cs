using ActorTrading.Storage.Postgres;
using Npgsql;

namespace ActorTrading.Storage.Tests.Infrastructure;

/// <summary>A migrated PostgresStorage in a schema of its own, dropped afterwards (tests of different classes run in parallel).</summary>
public sealed class PostgresSchema : IAsyncLifetime
{
    public string Schema { get; } = TestServices.UniqueName("t");

    public string ConnectionString { get; private set; } = "";

    public PostgresStorage Storage { get; private set; } = null!;

    public PostgresStorageOptions Options { get; private set; } = null!;

    public static async Task<PostgresSchema> CreateAsync(string? connectionString = null, TimeProvider? time = null)
    {
        var s = new PostgresSchema();
        await s.InitializeAsync(connectionString, time);
        return s;
    }

    public Task InitializeAsync() => InitializeAsync(null, null);

    private async Task InitializeAsync(string? connectionString, TimeProvider? time)
    {
        ConnectionString = connectionString ?? TestServices.Postgres;
        Options = new PostgresStorageOptions(ConnectionString) { Schema = Schema, Time = time ?? TimeProvider.System };
        Storage = await PostgresStorage.OpenAsync(Options);
    }

    /// <summary>A second, independent storage on the same schema (another node).</summary>
    public Task<PostgresStorage> OpenAnotherAsync() => PostgresStorage.OpenAsync(Options);

    public async Task ExecuteAsync(string sql)
    {
        await using var cmd = Storage.DataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (Storage is null) return;
        await Storage.DisposeAsync();
        try
        {
            await using var conn = new NpgsqlConnection(ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // a fault test's private server may already be gone
        }
    }
}
