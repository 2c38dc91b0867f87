using ActorTrading.Grpc.Interop.Client;
using ActorTrading.Grpc.Interop.Tests.Processes;

namespace ActorTrading.Grpc.Interop.Tests;

/// <summary>
/// Our C# client against a server that is not ours: grpc-js (tests/node/interop_server.js, a real process).
/// grpc-js cannot check or set per-message compression on the server side, so the compression cases run
/// without their probe and flag checks (<see cref="InteropPeer.ChecksCompression"/> false); its reflection lists
/// every service of the loaded protos, so the reflection cases (which check our server's exact list) are not run.
/// </summary>
public sealed class NodeServerInteropTests(NodeServerFixture server) : IClassFixture<NodeServerFixture>
{
    private static readonly string[] NotApplicable = ["reflection_v1", "reflection_v1alpha"];

    public static TheoryData<string> Cases => new(InteropCases.All.Except(NotApplicable));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CSharpClient_AgainstGrpcJsServer_Passes(string testCase)
    {
        var peer = new InteropPeer("127.0.0.1", server.Port, ChecksCompression: false);
        var failure = await InteropCases.RunAsync(peer, testCase).WaitAsync(TimeSpan.FromSeconds(90));
        Assert.True(failure is null, $"{testCase}: {failure}\ngrpc-js server output:\n{server.Output}");
    }
}
