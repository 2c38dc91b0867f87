using Npgsql;

namespace ActorTrading.Host.Tests.Faults;

/// <summary>
/// A database of one test's own on the test PostgreSQL server (ConnectionStrings__Postgres), for a node that must see no
/// other test's accounts: a node reconciles every account it finds with its broker on start, so orders other tests left
/// working would otherwise reach this test's broker.
/// </summary>
public sealed class OwnDatabase : IAsyncDisposable
{
    private readonly string _server;

    private OwnDatabase(string server, string name, string connectionString)
    {
        _server = server;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    /// <summary>The server's connection string with this database; pass it to a node as <c>--ConnectionStrings:Postgres</c>.</summary>
    public string ConnectionString { get; }

    public static async Task<OwnDatabase> CreateAsync(string prefix)
    {
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
        Assert.False(string.IsNullOrEmpty(server), "ConnectionStrings__Postgres is not set: run scripts/test.sh, or scripts/dev-services.sh and export what it prints");
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 17, 63)];
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new OwnDatabase(server, name, builder.ConnectionString);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}
