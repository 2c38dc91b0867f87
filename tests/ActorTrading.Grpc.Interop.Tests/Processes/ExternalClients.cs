namespace ActorTrading.Grpc.Interop.Tests.Processes;

/// <summary>Runs one case with the grpcio (Python) or grpc-js (node) interop client, as a process.</summary>
internal static class ExternalClients
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(90);

    public static async Task<ProcessRunner.Result> RunPythonAsync(int port, string testCase, bool serverChecksCompression)
    {
        await InteropPaths.RequirePythonGrpcAsync();
        return await ProcessRunner.RunAsync(
            InteropPaths.Python,
            [InteropPaths.PythonClient, .. Arguments(port, testCase, serverChecksCompression), "--protoset", InteropPaths.Protoset],
            InteropPaths.RepositoryRoot,
            Guard);
    }

    public static Task<ProcessRunner.Result> RunNodeAsync(int port, string testCase, bool serverChecksCompression)
    {
        InteropPaths.RequireNodeModules();
        return ProcessRunner.RunAsync("node", ["interop_client.js", .. Arguments(port, testCase, serverChecksCompression)], InteropPaths.NodeDirectory, Guard);
    }

    /// <summary>Passed: exit code 0 and the case's PASS line.</summary>
    public static bool Passed(ProcessRunner.Result result, string testCase) =>
        result.ExitCode == 0 && result.Output.Contains($"PASS {testCase}", StringComparison.Ordinal);

    private static string[] Arguments(int port, string testCase, bool serverChecksCompression) =>
        ["--host", "127.0.0.1", "--port", $"{port}", "--test_case", testCase, "--server_checks_compression", serverChecksCompression ? "true" : "false"];
}
