using ActorTrading.Host.Tests.EndToEnd;

namespace ActorTrading.Host.Tests.Faults;

/// <summary>
/// A throw-away PostgreSQL server of one fault test, built with the binaries of the test server (ACTORTRADING_TEST_PG_CTL,
/// run as ACTORTRADING_TEST_PG_RUNAS; scripts/test.sh exports both), so stopping it breaks no other test.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin, _dir, _data, _runAs;

    private PrivatePostgres(string bin, string dir, string runAs, int port)
    {
        _bin = bin;
        _dir = dir;
        _data = Path.Combine(dir, "pgdata");
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var pgCtl = Environment.GetEnvironmentVariable("ACTORTRADING_TEST_PG_CTL");
        Assert.False(string.IsNullOrEmpty(pgCtl), "ACTORTRADING_TEST_PG_CTL is not set: run scripts/test.sh, or scripts/dev-services.sh and export what it prints");
        var runAs = Environment.GetEnvironmentVariable("ACTORTRADING_TEST_PG_RUNAS") ?? "";
        var dir = Directory.CreateTempSubdirectory("at-pg-").FullName;
        await ShellAsync($"chmod 755 '{dir}'", "");
        if (runAs.Length > 0) await ShellAsync($"chown {runAs} '{dir}'", "");
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var pg = new PrivatePostgres(Path.GetDirectoryName(pgCtl)!, dir, runAs, port);
        await ShellAsync($"'{pg._bin}/initdb' -D '{pg._data}' -U postgres --auth=trust -E UTF8 --no-sync >/dev/null", runAs);
        await ShellAsync(
            $"printf \"listen_addresses='127.0.0.1'\\nport={pg.Port}\\nunix_socket_directories='{dir}'\\nfsync=off\\nshared_buffers=32MB\\n\" >> '{pg._data}/postgresql.conf'", runAs);
        await pg.StartAgainAsync();
        return pg;
    }

    /// <summary>Fast shutdown: connected clients are disconnected, new ones refused; returns once it is down.</summary>
    public Task StopAsync() => ShellAsync($"'{_bin}/pg_ctl' -D '{_data}' -m fast -w -t 60 stop >/dev/null", _runAs);

    /// <summary>Starts the server and returns once it accepts connections (pg_ctl -w).</summary>
    public Task StartAgainAsync() => ShellAsync($"'{_bin}/pg_ctl' -D '{_data}' -l '{_dir}/postgres.log' -w -t 60 start >/dev/null", _runAs);

    /// <summary>Runs one SQL statement with the server's psql and returns what it printed.</summary>
    public async Task<string> PsqlAsync(string sql)
    {
        var (code, output) = await ToolRunner.RunAsync(Path.Combine(_bin, "psql"),
            ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-d", "postgres", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql]);
        Assert.True(code == 0, $"{sql}\n{output}");
        return output.Trim();
    }

    private static async Task ShellAsync(string command, string runAs)
    {
        var (code, output) = runAs.Length == 0
            ? await ToolRunner.RunAsync("/bin/sh", ["-c", command])
            : await ToolRunner.RunAsync("su", ["-s", "/bin/sh", runAs, "-c", command]);
        Assert.True(code == 0, $"{command}\n{output}");
    }

    public async ValueTask DisposeAsync()
    {
        try { await ShellAsync($"'{_bin}/pg_ctl' -D '{_data}' -m immediate -w stop >/dev/null 2>&1 || true", _runAs); }
        finally { Directory.Delete(_dir, recursive: true); }
    }
}
