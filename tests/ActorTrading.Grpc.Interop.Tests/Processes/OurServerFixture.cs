namespace ActorTrading.Grpc.Interop.Tests.Processes;

/// <summary>One ActorTrading interop server process (<c>dotnet ActorTrading.Grpc.Interop.dll --port 0</c>) per test class.</summary>
public sealed class OurServerFixture : IAsyncLifetime
{
    private ServerProcess? _server;

    public int Port => _server?.Port ?? throw new InvalidOperationException("The server is not running.");

    public string Output => _server?.Output ?? "";

    public async Task InitializeAsync()
    {
        InteropPaths.RequireServerDll();
        _server = await ServerProcess.StartAsync("dotnet", [InteropPaths.ServerDll, "--port", "0"], InteropPaths.RepositoryRoot);
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }
}
