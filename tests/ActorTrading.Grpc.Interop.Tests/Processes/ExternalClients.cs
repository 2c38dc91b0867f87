using System.Collections.Concurrent;

namespace ActorTrading.Grpc.Interop.Tests.Processes;

/// <summary>
/// The grpcio (Python) and grpc-js (node) interop clients, run as processes. Each client runs all the cases of a class
/// once per server (a fresh channel per case, one PASS/FAIL line per case) and every [Theory] row checks its own line:
/// rows still name their case, without paying a process start (0.3-1 s on a loaded machine) per row.
/// </summary>
internal static class ExternalClients
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(3);
    private static readonly ConcurrentDictionary<string, Lazy<Task<ProcessRunner.Result>>> Runs = new();

    public enum Kind { Python, Node }

    /// <summary>The outcome of <paramref name="testCase"/>: null when it passed, otherwise the reason and the client's output.</summary>
    public static async Task<string?> FailureOfAsync(Kind client, int port, IReadOnlyList<string> cases, string testCase, bool serverChecksCompression)
    {
        var key = $"{client}:{port}:{serverChecksCompression}:{string.Join(',', cases)}";
        var result = await Runs.GetOrAdd(key, _ => new Lazy<Task<ProcessRunner.Result>>(() => RunAsync(client, port, cases, serverChecksCompression))).Value;
        var line = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith($"PASS {testCase}:", StringComparison.Ordinal) || l.StartsWith($"FAIL {testCase}:", StringComparison.Ordinal));
        return line switch
        {
            not null when line.StartsWith("PASS", StringComparison.Ordinal) => null,
            not null => $"{line}\n\n{client} client output (exit code {result.ExitCode}):\n{result.Output}",
            null => $"{client} client printed no line for {testCase} (exit code {result.ExitCode}):\n{result.Output}",
        };
    }

    private static async Task<ProcessRunner.Result> RunAsync(Kind client, int port, IReadOnlyList<string> cases, bool serverChecksCompression)
    {
        string[] arguments = ["--host", "127.0.0.1", "--port", $"{port}", "--test_case", string.Join(',', cases), "--server_checks_compression", serverChecksCompression ? "true" : "false"];
        if (client == Kind.Python)
        {
            await InteropPaths.RequirePythonGrpcAsync();
            return await ProcessRunner.RunAsync(
                InteropPaths.Python, [InteropPaths.PythonClient, .. arguments, "--protoset", InteropPaths.Protoset], InteropPaths.RepositoryRoot, Guard);
        }

        InteropPaths.RequireNodeModules();
        return await ProcessRunner.RunAsync("node", ["interop_client.js", .. arguments], InteropPaths.NodeDirectory, Guard);
    }
}
