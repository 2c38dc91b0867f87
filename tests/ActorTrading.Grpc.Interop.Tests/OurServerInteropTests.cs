using ActorTrading.Grpc.Interop.Client;
using ActorTrading.Grpc.Interop.Tests.Processes;

namespace ActorTrading.Grpc.Interop.Tests;

/// <summary>
/// Every interop case, run by three clients against ActorTrading's interop server (a real process):
/// our C# client (in process), grpcio (/usr/bin/python3) and @grpc/grpc-js (node). One row per client and case.
/// </summary>
public sealed class OurServerInteropTests(OurServerFixture server) : IClassFixture<OurServerFixture>
{
    public static TheoryData<string> Cases => new(InteropCases.All);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CSharpClient_AgainstOurServer_Passes(string testCase)
    {
        var peer = new InteropPeer("127.0.0.1", server.Port, ChecksCompression: true);
        var failure = await InteropCases.RunAsync(peer, testCase).WaitAsync(TimeSpan.FromSeconds(90));
        Assert.True(failure is null, $"{testCase}: {failure}\nserver output:\n{server.Output}");
    }

    /// <summary>Our client on its default path: calls straight on our HTTP/2 streams, no HttpRequestMessage (response flags not recorded).</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CSharpDirectClient_AgainstOurServer_Passes(string testCase)
    {
        var peer = new InteropPeer("127.0.0.1", server.Port, ChecksCompression: true, Direct: true);
        var failure = await InteropCases.RunAsync(peer, testCase).WaitAsync(TimeSpan.FromSeconds(90));
        Assert.True(failure is null, $"{testCase}: {failure}\nserver output:\n{server.Output}");
    }

    /// <summary>The C# client's command line (what a person runs by hand): every case, one PASS line each, exit code 0.</summary>
    [Fact]
    public async Task CSharpClientCommandLine_AllCasesAgainstOurServer_ExitsZero()
    {
        var result = await ProcessRunner.RunAsync(
            "dotnet", [InteropPaths.ServerDll, "client", "--host", "127.0.0.1", "--port", $"{server.Port}", "--test_case", "all"],
            InteropPaths.RepositoryRoot, TimeSpan.FromMinutes(3));
        var passLines = result.Output.Split('\n').Count(l => l.StartsWith("PASS ", StringComparison.Ordinal));
        Assert.True(result.ExitCode == 0 && passLines == InteropCases.All.Count, $"exit code {result.ExitCode}, {passLines} PASS lines:\n{result.Output}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PythonClient_AgainstOurServer_Passes(string testCase) =>
        AssertPassed(await ExternalClients.FailureOfAsync(ExternalClients.Kind.Python, server.Port, InteropCases.All, testCase, serverChecksCompression: true));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task NodeClient_AgainstOurServer_Passes(string testCase) =>
        AssertPassed(await ExternalClients.FailureOfAsync(ExternalClients.Kind.Node, server.Port, InteropCases.All, testCase, serverChecksCompression: true));

    private void AssertPassed(string? failure) => Assert.True(failure is null, $"{failure}\nserver output:\n{server.Output}");
}
