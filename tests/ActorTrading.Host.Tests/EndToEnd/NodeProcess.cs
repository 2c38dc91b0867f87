using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ActorTrading.Host.Tests.EndToEnd;

/// <summary>
/// A real node: <c>dotnet src/Host/bin/&lt;config&gt;/net10.0/ActorTrading.Host.dll</c> on loopback with free ports. Started
/// when its "ready" line appears on stdout (no sleeps); stopped with SIGTERM like an orchestrator would.
/// </summary>
public sealed partial class NodeProcess : IAsyncDisposable
{
    public const string AdminKey = "e2e-admin-key";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<(string Grpc, string Http)> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(Process process) => _process = process;

    public string GrpcUrl { get; private set; } = "";
    public string HttpUrl { get; private set; } = "";

    /// <summary>host:port of the gRPC endpoint (for grpcio and grpc-js).</summary>
    public string GrpcTarget => new Uri(GrpcUrl).Authority;

    public string Output => string.Join('\n', _output);

    public int Pid => _process.Id;

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string HostDll
    {
        get
        {
            var config = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
            return Path.Combine(RepoRoot, "src", "Host", "bin", config, "net10.0", "ActorTrading.Host.dll");
        }
    }

    /// <param name="durable">true: pass ConnectionStrings__Postgres/Redis from this process's environment; false: remove them.</param>
    public static async Task<NodeProcess> StartAsync(bool durable, params string[] args)
    {
        if (!File.Exists(HostDll)) throw new FileNotFoundException($"build src/Host first: {HostDll}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepoRoot,
        };
        foreach (var a in (string[])[HostDll, "--urls", "http://127.0.0.1:0", "--http-urls", "http://127.0.0.1:0", "--admin-key", AdminKey, .. args])
            info.ArgumentList.Add(a);
        if (!durable)
        {
            info.Environment.Remove("ConnectionStrings__Postgres");
            info.Environment.Remove("ConnectionStrings__Redis");
        }
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__ActorTrading"] = "Information";
        var node = new NodeProcess(Process.Start(info)!);
        node._process.OutputDataReceived += (_, e) => node.OnLine(e.Data);
        node._process.ErrorDataReceived += (_, e) => node.OnLine(e.Data);
        node._process.EnableRaisingEvents = true;
        node._process.Exited += (_, _) => node._ready.TrySetException(new InvalidOperationException("the node exited before it was ready:\n" + node.Output));
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        (node.GrpcUrl, node.HttpUrl) = await node._ready.Task.WaitAsync(TimeSpan.FromSeconds(90));
        return node;
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        if (ReadyLine().Match(line) is { Success: true } m) _ready.TrySetResult((m.Groups[1].Value, m.Groups[2].Value));
    }

    /// <summary>Sends SIGTERM and waits for the process to exit; returns its exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        if (_process.HasExited) return _process.ExitCode;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye. Waits for the process to be gone.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try { await TerminateAsync(); }
            catch (TimeoutException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ActorTrading.sln"))) return dir.FullName;
        throw new InvalidOperationException("ActorTrading.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"ready \(.*\): grpc=(\S+?)(?:,\S+)? http=(\S+?)(?:,\S+)?$")]
    private static partial Regex ReadyLine();
}
