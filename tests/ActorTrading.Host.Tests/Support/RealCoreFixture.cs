namespace ActorTrading.Host.Tests.Support;

/// <summary>One in-process node with the real trading actors (simulated feed at 50 ticks/s, paper broker) per test class.</summary>
public sealed class RealCoreFixture : IAsyncLifetime
{
    private TestNode? _node;

    public TestNode Node => _node ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(realCore: true, "--Node:Feed:TicksPerSecond", "50");

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
    }
}
