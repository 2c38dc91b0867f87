namespace ActorTrading.Host.Tests.EndToEnd;

/// <summary>One embedded node process shared by the end-to-end tests of a class.</summary>
public sealed class EmbeddedNodeFixture : IAsyncLifetime
{
    private NodeProcess? _node;

    public NodeProcess Node => _node ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _node = await NodeProcess.StartAsync(durable: false, "--node-id", "e2e-embedded", "--Node:Feed:TicksPerSecond", "20");

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
    }
}
