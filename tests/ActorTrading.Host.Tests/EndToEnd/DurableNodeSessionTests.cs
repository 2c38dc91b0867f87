namespace ActorTrading.Host.Tests.EndToEnd;

/// <summary>
/// The python grpcio and @grpc/grpc-js sessions of <see cref="EmbeddedNodeTests"/> against a durable node (PostgreSQL
/// journal and read models, Redis quotes, rate limits and key cache): the same full session — accounts and keys, ticks,
/// a strategy, place/modify/cancel, fills on the stream, portfolio, denials, halt/resume, close — with every
/// acknowledgement journaled first. Our C# client drives durable nodes in NodeLifecycleTests, SigkillTests and the
/// cluster tests.
/// </summary>
public sealed class DurableNodeSessionTests(DurableNodeFixture fixture) : IClassFixture<DurableNodeFixture>
{
    private NodeProcess Node => fixture.Node;

    [Fact]
    public async Task Session_PythonGrpcio_PassesOnADurableNode()
    {
        var (code, output) = await ToolRunner.RunAsync("/usr/bin/python3",
            ["tests/python/node_session.py", "--target", Node.GrpcTarget, "--key", NodeProcess.AdminKey, "--account", "py-" + fixture.Run,
             "--protoset", Path.Combine(Path.GetDirectoryName(NodeProcess.HostDll)!, "actortrading.protoset")]);
        Assert.True(code == 0 && output.Contains("SESSION OK", StringComparison.Ordinal), output + "\n--- node:\n" + Node.Output);
    }

    [Fact]
    public async Task Session_GrpcJs_PassesOnADurableNode()
    {
        Assert.True(Directory.Exists(Path.Combine(NodeProcess.RepoRoot, "tests", "node", "node_modules", "@grpc")),
            "tests/node/node_modules is missing: run `npm ci` in tests/node (scripts/test.sh does)");
        var (code, output) = await ToolRunner.RunAsync("node",
            ["tests/node/node_session.js", "--target", Node.GrpcTarget, "--key", NodeProcess.AdminKey, "--account", "js-" + fixture.Run]);
        Assert.True(code == 0 && output.Contains("SESSION OK", StringComparison.Ordinal), output + "\n--- node:\n" + Node.Output);
    }
}
