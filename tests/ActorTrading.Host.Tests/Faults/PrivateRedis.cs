using ActorTrading.Host.Tests.EndToEnd;

namespace ActorTrading.Host.Tests.Faults;

/// <summary>A throw-away Redis server of one fault test (ACTORTRADING_TEST_REDIS_SERVER's binary, which scripts/test.sh
/// exports), so stopping it breaks no other test.</summary>
public sealed class PrivateRedis : IAsyncDisposable
{
    private readonly string _server, _cli, _dir;

    private PrivateRedis(string server, string dir, int port)
    {
        _server = server;
        _cli = Path.Combine(Path.GetDirectoryName(server)!, "redis-cli");
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port},abortConnect=false";

    public static async Task<PrivateRedis> StartAsync()
    {
        var server = Environment.GetEnvironmentVariable("ACTORTRADING_TEST_REDIS_SERVER");
        Assert.False(string.IsNullOrEmpty(server),
            "ACTORTRADING_TEST_REDIS_SERVER is not set: run scripts/test.sh, or scripts/dev-services.sh and export what it prints");
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var redis = new PrivateRedis(server!, Directory.CreateTempSubdirectory("at-redis-").FullName, port);
        await redis.StartAgainAsync();
        return redis;
    }

    public Task StopAsync() => ShellAsync($"'{_cli}' -p {Port} shutdown nosave >/dev/null 2>&1 || true");

    /// <summary>Starts the server and returns once it answers PING (redis-cli retries; the shell loop is the readiness probe).</summary>
    public async Task StartAgainAsync()
    {
        await ShellAsync($"'{_server}' --port {Port} --bind 127.0.0.1 --save '' --appendonly no --daemonize yes " +
                         $"--dir '{_dir}' --logfile '{_dir}/redis.log' --pidfile '{_dir}/redis.pid'");
        await ShellAsync($"for i in $(seq 100); do '{_cli}' -p {Port} ping >/dev/null 2>&1 && exit 0; sleep 0.1; done; exit 1");
    }

    private static async Task ShellAsync(string command)
    {
        var (code, output) = await ToolRunner.RunAsync("/bin/sh", ["-c", command]);
        Assert.True(code == 0, $"{command}\n{output}");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
