using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ActorTrading.Load.Host;

/// <summary>
/// Starts a node process for a scenario (<c>dotnet src/Host/bin/Release/net10.0/ActorTrading.Host.dll</c>, loopback, free
/// port, limits opened up for load) and stops it with SIGTERM. Durable when ConnectionStrings__Postgres is set.
/// </summary>
internal sealed partial class NodeLauncher : IAsyncDisposable
{
    public const string AdminKey = "load-admin-key";

    /// <summary>Settings a load node needs: no broker rate limit in the way of 50,000 orders, and trading at any hour.</summary>
    public static readonly string[] LoadSettings =
    [
        "--Node:Risk:OrdersPerSecond", "1000000", "--Node:Risk:MaxOrdersPerDay", "100000000", "--Node:Risk:MaxTradesPerDay", "100000000",
        "--Node:Broker:OrdersPerSecond", "1000000", "--Node:Broker:OrdersPerMinute", "60000000", "--Node:Broker:QueueCapacity", "1000000",
        "--Node:StreamBufferSize", "1024", "--Node:Risk:EnforceMarketHours", "false",
    ];

    private readonly Process _process;

    private NodeLauncher(Process process, string target)
    {
        _process = process;
        Target = target;
    }

    public string Target { get; }

    public int ProcessId => _process.Id;

    public static async Task<NodeLauncher> StartAsync(string hostDll, bool durable, TextWriter progress, CancellationToken ct)
    {
        if (!File.Exists(hostDll)) throw new FileNotFoundException($"build the node first (dotnet build src/Host -c Release): {hostDll}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[hostDll, "--urls", "http://127.0.0.1:0", "--http-urls", "", "--admin-key", AdminKey, "--feed-symbols", "NSE:TCS",
                     "--node-id", "load", .. LoadSettings])
            info.ArgumentList.Add(a);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        if (!durable)
        {
            info.Environment.Remove("ConnectionStrings__Postgres");
            info.Environment.Remove("ConnectionStrings__Redis");
        }
        var process = Process.Start(info)!;
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && Ready().Match(line) is { Success: true } m) ready.TrySetResult(m.Groups[1].Value);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) progress.WriteLine("node: " + e.Data); };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("the node exited before it was ready"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var url = await ready.Task.WaitAsync(TimeSpan.FromSeconds(120), ct);
        progress.WriteLine($"node started at {url} ({(durable ? "durable" : "embedded")})");
        return new NodeLauncher(process, new Uri(url).Authority);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            if (!_process.WaitForExit(60_000)) _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"ready \(.*\): grpc=(http://[^\s,]+)")]
    private static partial Regex Ready();
}
