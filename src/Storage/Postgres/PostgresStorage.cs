using Npgsql;

namespace ActorTrading.Storage.Postgres;

/// <summary>
/// Every PostgreSQL-backed port over one data source. <see cref="OpenAsync"/> migrates first
/// (clear errors when the server is unreachable or its schema is newer than this code).
/// </summary>
public sealed class PostgresStorage : IAsyncDisposable
{
    private PostgresStorage(NpgsqlDataSource dataSource, PostgresStorageOptions options)
    {
        DataSource = dataSource;
        Options = options;
        Journal = new PostgresAccountJournal(dataSource, options);
        Snapshots = new PostgresSnapshotStore(dataSource, options.Time);
        ReadModels = new PostgresReadModelStore(dataSource);
        ApiKeys = new PostgresApiKeyStore(dataSource);
        AuditLog = new PostgresAuditLog(Journal);
    }

    public NpgsqlDataSource DataSource { get; }
    public PostgresStorageOptions Options { get; }
    public PostgresAccountJournal Journal { get; }
    public PostgresSnapshotStore Snapshots { get; }
    public PostgresReadModelStore ReadModels { get; }
    public PostgresApiKeyStore ApiKeys { get; }
    public PostgresAuditLog AuditLog { get; }

    /// <summary>Broker credentials, encrypted with the key from ACTORTRADING_CREDENTIALS_KEY (or <paramref name="cipher"/>).</summary>
    public PostgresBrokerCredentialStore BrokerCredentials(CredentialCipher? cipher = null) =>
        new(DataSource, cipher ?? CredentialCipher.FromEnvironment());

    public static async Task<PostgresStorage> OpenAsync(PostgresStorageOptions options, CancellationToken cancellationToken = default)
    {
        var dataSource = CreateDataSource(options);
        try
        {
            await Migrator.MigrateAsync(dataSource, options, cancellationToken).ConfigureAwait(false);
            return new PostgresStorage(dataSource, options);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public static NpgsqlDataSource CreateDataSource(PostgresStorageOptions options)
    {
        var csb = new NpgsqlConnectionStringBuilder(options.ConnectionString) { SearchPath = options.Schema };
        if (!options.ConnectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase)) csb.Timeout = options.ConnectTimeoutSeconds;
        // the journal's statements are constant texts run thousands of times: prepare them once per connection
        if (!options.ConnectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !options.ConnectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            csb.MaxAutoPrepare = 32;
            csb.AutoPrepareMinUsages = 2;
        }
        return new NpgsqlDataSourceBuilder(csb.ConnectionString).Build();
    }

    public async ValueTask DisposeAsync()
    {
        await Journal.DisposeAsync().ConfigureAwait(false);
        await DataSource.DisposeAsync().ConfigureAwait(false);
    }
}
