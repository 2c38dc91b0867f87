namespace ActorTrading.Storage.Tests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL server of one fault test, built with the binaries of the test server
/// (ACTORTRADING_TEST_PG_CTL, run as ACTORTRADING_TEST_PG_RUNAS), so stopping it breaks no other test.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin, _dir, _data, _runAs;

    private PrivatePostgres(string bin, string dir, string runAs, int port)
    {
        _bin = bin; _dir = dir; _data = Path.Combine(dir, "pgdata"); _runAs = runAs; Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var pgCtl = TestServices.Require("ACTORTRADING_TEST_PG_CTL");
        var runAs = Environment.GetEnvironmentVariable("ACTORTRADING_TEST_PG_RUNAS") ?? "";
        var dir = Directory.CreateTempSubdirectory("at-pg-").FullName;
        await ProcessRunner.RunAsync($"chmod 755 '{dir}'");
        if (runAs.Length > 0) await ProcessRunner.RunAsync($"chown {runAs} '{dir}'");
        var pg = new PrivatePostgres(Path.GetDirectoryName(pgCtl)!, dir, runAs, ProcessRunner.FreePort());
        await ProcessRunner.RunAsync($"'{pg._bin}/initdb' -D '{pg._data}' -U postgres --auth=trust -E UTF8 --no-sync >/dev/null", runAs);
        await ProcessRunner.RunAsync(
            $"printf \"listen_addresses='127.0.0.1'\\nport={pg.Port}\\nunix_socket_directories='{dir}'\\nfsync=off\\nshared_buffers=32MB\\n\" >> '{pg._data}/postgresql.conf'", runAs);
        await pg.StartAgainAsync();
        return pg;
    }

    /// <summary>Fast shutdown: connected clients are disconnected, new ones refused.</summary>
    public Task StopAsync() => ProcessRunner.RunAsync($"'{_bin}/pg_ctl' -D '{_data}' -m fast -w -t 60 stop >/dev/null", _runAs);

    public Task StartAgainAsync() => ProcessRunner.RunAsync($"'{_bin}/pg_ctl' -D '{_data}' -l '{_dir}/postgres.log' -w -t 60 start >/dev/null", _runAs);

    public async ValueTask DisposeAsync()
    {
        try { await ProcessRunner.RunAsync($"'{_bin}/pg_ctl' -D '{_data}' -m immediate -w stop >/dev/null 2>&1 || true", _runAs); }
        finally { Directory.Delete(_dir, recursive: true); }
    }
}
