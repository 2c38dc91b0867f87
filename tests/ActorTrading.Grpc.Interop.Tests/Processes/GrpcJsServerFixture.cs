namespace ActorTrading.Grpc.Interop.Tests.Processes;

/// <summary>One grpc-js interop server process (<c>node tests/node/interop_server.js --port 0</c>) per test class.</summary>
public sealed class GrpcJsServerFixture : IAsyncLifetime
{
    private ServerProcess? _server;

    public int Port => _server?.Port ?? throw new InvalidOperationException("The server is not running.");

    public string Output => _server?.Output ?? "";

    public async Task InitializeAsync()
    {
        InteropPaths.RequireNodeModules();
        _server = await ServerProcess.StartAsync("node", ["interop_server.js", "--port", "0"], InteropPaths.NodeDirectory);
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }
}
