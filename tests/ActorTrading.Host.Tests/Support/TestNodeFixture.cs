namespace ActorTrading.Host.Tests.Support;

/// <summary>One <see cref="TestNode"/> shared by the tests of a class.</summary>
public sealed class TestNodeFixture : IAsyncLifetime
{
    private TestNode? _node;

    public TestNode Node => _node ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _node = await TestNode.StartAsync();

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
    }
}
