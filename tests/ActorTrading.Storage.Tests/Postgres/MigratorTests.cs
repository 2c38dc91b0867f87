using ActorTrading.Storage.Postgres;
using ActorTrading.Storage.Tests.Infrastructure;

namespace ActorTrading.Storage.Tests.Postgres;

public sealed class MigratorTests : IAsyncLifetime
{
    private readonly PostgresSchema _schema = new();

    public Task InitializeAsync() => _schema.InitializeAsync();

    public Task DisposeAsync() => _schema.DisposeAsync();

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var cmd = _schema.Storage.DataSource.CreateCommand(sql);
        return await cmd.ExecuteScalarAsync();
    }

    [Fact]
    public async Task MigrateAsync_SeveralNodesAtOnce_EachVersionAppliedOnce()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Migrator.MigrateAsync(_schema.Storage.DataSource, _schema.Options)));

        Assert.All(runs, Assert.Empty);   // the schema was migrated when the class started
        Assert.Equal((long)Migrator.CodeVersion, await ScalarAsync("SELECT count(*) FROM schema_version"));
    }

    [Fact]
    public async Task OpenAsync_DatabaseSchemaNewerThanCode_RefusesWithClearError()
    {
        await _schema.ExecuteAsync($"INSERT INTO schema_version (version, name) VALUES ({Migrator.CodeVersion + 1}, 'from_the_future')");

        var ex = await Assert.ThrowsAsync<SchemaTooNewException>(() => _schema.OpenAnotherAsync());

        Assert.Equal(Migrator.CodeVersion + 1, ex.DatabaseVersion);
        Assert.Contains("upgrade this node", ex.Message);
    }

    [Fact]
    public async Task MigrateAsync_Start_CreatesMonthlyPartitionsAheadAndEventsLandInThem()
    {
        var month = DateTime.UtcNow;
        await _schema.Storage.Journal.AppendAsync("p", 1, [TestEvents.Halted().At(new DateTimeOffset(month))]);

        var partition = (string?)await ScalarAsync("SELECT tableoid::regclass::text FROM account_events WHERE account_id = 'p'");
        var ahead = (long)(await ScalarAsync(
            $"SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace " +
            $"WHERE n.nspname = '{_schema.Schema}' AND c.relkind = 'r' AND c.relname LIKE 'trades\\_2%'"))!;

        Assert.EndsWith($"account_events_{month:yyyy_MM}", partition);
        Assert.Equal(1 + 1 + _schema.Options.PartitionMonthsAhead, ahead);
    }

    [Fact]
    public async Task MigrateAsync_Version4_PartitionsSampleFewRowsHotTablesLeaveRoomAndKeysCompareBytewise()
    {
        // a partition created after the migration (by actortrading_ensure_partitions at a later start) is tuned the same way
        await _schema.ExecuteAsync("ALTER TABLE account_events DETACH PARTITION account_events_" + DateTime.UtcNow.ToString("yyyy_MM") +
            "; DROP TABLE account_events_" + DateTime.UtcNow.ToString("yyyy_MM"));
        await Migrator.MigrateAsync(_schema.Storage.DataSource, _schema.Options);

        var targets = await ScalarAsync(
            "SELECT string_agg(DISTINCT a.attname || '=' || a.attstattarget, ',' ORDER BY a.attname || '=' || a.attstattarget) " +
            "FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent JOIN pg_attribute a ON a.attrelid = i.inhrelid " +
            $"WHERE p.relnamespace = '{_schema.Schema}'::regnamespace AND p.relname = 'account_events' AND a.attnum > 0 AND NOT a.attisdropped");
        var tradeTargets = (long)(await ScalarAsync(
            "SELECT count(*) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent JOIN pg_attribute a ON a.attrelid = i.inhrelid " +
            $"WHERE p.relnamespace = '{_schema.Schema}'::regnamespace AND p.relname = 'trades' AND a.attnum > 0 AND a.attstattarget <> 10"))!;
        var fillfactors = await ScalarAsync(
            "SELECT string_agg(relname || ':' || array_to_string(reloptions, ','), ' ' ORDER BY relname) FROM pg_class " +
            $"WHERE relnamespace = '{_schema.Schema}'::regnamespace AND relname IN ('account_heads', 'positions', 'accounts')");

        Assert.Equal("account_id=10,at=10,payload=0,seq=10,type=10", targets);
        Assert.Equal(0L, tradeTargets);
        Assert.Equal("account_heads:fillfactor=70 accounts:fillfactor=70 positions:fillfactor=70", fillfactors);
        var collations = await ScalarAsync(
            "SELECT string_agg(DISTINCT a.attcollation::regcollation::text, ',') FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid " +
            $"WHERE c.relnamespace = '{_schema.Schema}'::regnamespace AND c.relkind IN ('r', 'p') AND a.attname = 'account_id'");
        Assert.Equal("\"C\"", collations);
        Assert.NotNull(await ScalarAsync($"SELECT to_regclass('{_schema.Schema}.account_events_{DateTime.UtcNow:yyyy_MM}')::text"));
    }

    [Fact]
    public async Task MigrateAsync_Version5_OrdersAndAuditLogSampleFewRows()
    {
        var targets = await ScalarAsync(
            "SELECT string_agg(DISTINCT c.relname || '=' || a.attstattarget, ',' ORDER BY c.relname || '=' || a.attstattarget) " +
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid " +
            $"WHERE c.relnamespace = '{_schema.Schema}'::regnamespace AND c.relname IN ('orders', 'audit_log') AND a.attnum > 0 AND NOT a.attisdropped");
        Assert.Equal("audit_log=10,orders=10", targets);
    }
}
