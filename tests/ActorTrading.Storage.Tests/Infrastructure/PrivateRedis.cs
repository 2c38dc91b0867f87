namespace ActorTrading.Storage.Tests.Infrastructure;

/// <summary>A throw-away Redis server of one fault test (ACTORTRADING_TEST_REDIS_SERVER's binary), so stopping it breaks no other test.</summary>
public sealed class PrivateRedis : IAsyncDisposable
{
    private readonly string _server, _cli, _dir;

    private PrivateRedis(string server, string dir, int port)
    {
        _server = server; _cli = Path.Combine(Path.GetDirectoryName(server)!, "redis-cli"); _dir = dir; Port = port;
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port},abortConnect=false";

    public static async Task<PrivateRedis> StartAsync()
    {
        var server = TestServices.Require("ACTORTRADING_TEST_REDIS_SERVER");
        var r = new PrivateRedis(server, Directory.CreateTempSubdirectory("at-redis-").FullName, ProcessRunner.FreePort());
        await r.StartAgainAsync();
        return r;
    }

    public Task StopAsync() => ProcessRunner.RunAsync($"'{_cli}' -p {Port} shutdown nosave >/dev/null 2>&1 || true");

    public async Task StartAgainAsync()
    {
        await ProcessRunner.RunAsync($"'{_server}' --port {Port} --bind 127.0.0.1 --save '' --appendonly no --daemonize yes " +
                                     $"--dir '{_dir}' --logfile '{_dir}/redis.log' --pidfile '{_dir}/redis.pid'");
        await ProcessRunner.RunAsync($"for i in $(seq 100); do '{_cli}' -p {Port} ping >/dev/null 2>&1 && exit 0; sleep 0.1; done; exit 1");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
