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
