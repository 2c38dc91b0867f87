using ActorTrading.Grpc.Interop.Client;
using ActorTrading.Grpc.Interop.Tests.Processes;

namespace ActorTrading.Grpc.Interop.Tests;

/// <summary>
/// Against a server that is not ours: grpc-js (tests/node/interop_server.js, a real process). Our C# client's rows are
/// the point; the Python and grpc-js clients' rows calibrate those clients against a reference server, so a failure
/// in <see cref="OurServerInteropTests"/> points at our server, not at a client. grpc-js cannot check or set per-message
/// compression on the server, so the compression cases run without their probes and flag checks; its reflection
/// (protobufjs) renames files by package (grpc_testing.proto), so the reflection cases, which check file names, are left out.
/// </summary>
public sealed class GrpcJsServerInteropTests(GrpcJsServerFixture server) : IClassFixture<GrpcJsServerFixture>
{
    private static readonly string[] NotApplicable = ["reflection_v1", "reflection_v1alpha"];

    private static readonly string[] AllCases = [.. InteropCases.All.Except(NotApplicable)];

    public static TheoryData<string> Cases => new(AllCases);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CSharpClient_AgainstGrpcJsServer_Passes(string testCase)
    {
        var peer = new InteropPeer("127.0.0.1", server.Port, ChecksCompression: false);
        var failure = await InteropCases.RunAsync(peer, testCase).WaitAsync(TimeSpan.FromSeconds(90));
        Assert.True(failure is null, $"{testCase}: {failure}\ngrpc-js server output:\n{server.Output}");
    }

    /// <summary>Our client on its default path (calls straight on our HTTP/2 streams) against a server that is not ours.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CSharpDirectClient_AgainstGrpcJsServer_Passes(string testCase)
    {
        var peer = new InteropPeer("127.0.0.1", server.Port, ChecksCompression: false, Direct: true);
        var failure = await InteropCases.RunAsync(peer, testCase).WaitAsync(TimeSpan.FromSeconds(90));
        Assert.True(failure is null, $"{testCase}: {failure}\ngrpc-js server output:\n{server.Output}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PythonClient_AgainstGrpcJsServer_Passes(string testCase) =>
        AssertPassed(await ExternalClients.FailureOfAsync(ExternalClients.Kind.Python, server.Port, AllCases, testCase, serverChecksCompression: false));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task NodeClient_AgainstGrpcJsServer_Passes(string testCase) =>
        AssertPassed(await ExternalClients.FailureOfAsync(ExternalClients.Kind.Node, server.Port, AllCases, testCase, serverChecksCompression: false));

    private void AssertPassed(string? failure) => Assert.True(failure is null, $"{failure}\nserver output:\n{server.Output}");
}
