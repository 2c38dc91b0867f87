using ActorTrading.Grpc.Interop.Client;
using ActorTrading.Grpc.Interop.Tests.Processes;

namespace ActorTrading.Grpc.Interop.Tests;

/// <summary>
/// Every interop case, run by three clients against ActorTrading's interop server (a real process):
/// our C# client (in process), grpcio (/usr/bin/python3) and @grpc/grpc-js (node). One row per client and case.
/// </summary>
public sealed class OurServerInteropTests(OurServerFixture server) : IClassFixture<OurServerFixture>
{
    private static readonly TimeSpan ClientGuard = TimeSpan.FromSeconds(90);

    public static TheoryData<string> Cases => new(InteropCases.All);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CSharpClient_AgainstOurServer_Passes(string testCase)
    {
        var peer = new InteropPeer("127.0.0.1", server.Port, ChecksCompression: true);
        var failure = await InteropCases.RunAsync(peer, testCase).WaitAsync(ClientGuard);
        Assert.True(failure is null, $"{testCase}: {failure}\nserver output:\n{server.Output}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PythonClient_AgainstOurServer_Passes(string testCase)
    {
        await InteropPaths.RequirePythonGrpcAsync();
        var result = await ProcessRunner.RunAsync(
            InteropPaths.Python,
            [InteropPaths.PythonClient, "--host", "127.0.0.1", "--port", $"{server.Port}", "--test_case", testCase, "--protoset", InteropPaths.Protoset],
            InteropPaths.RepositoryRoot,
            ClientGuard);
        AssertPassed(testCase, result);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task NodeClient_AgainstOurServer_Passes(string testCase)
    {
        InteropPaths.RequireNodeModules();
        var result = await ProcessRunner.RunAsync(
            "node", ["interop_client.js", "--host", "127.0.0.1", "--port", $"{server.Port}", "--test_case", testCase],
            InteropPaths.NodeDirectory,
            ClientGuard);
        AssertPassed(testCase, result);
    }

    private void AssertPassed(string testCase, ProcessRunner.Result result) =>
        Assert.True(
            result.ExitCode == 0 && result.Output.Contains($"PASS {testCase}", StringComparison.Ordinal),
            $"{testCase}: exit code {result.ExitCode}\n{result.Output}\nserver output:\n{server.Output}");
}
