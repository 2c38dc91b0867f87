namespace ActorTrading.Host.Tests.EndToEnd;

/// <summary>One durable node process (PostgreSQL and Redis from the environment, market-hours rule off so a session trades
/// at any hour) shared by the end-to-end tests of a class.</summary>
public sealed class DurableNodeFixture : IAsyncLifetime
{
    private NodeProcess? _node;

    public NodeProcess Node => _node ?? throw new InvalidOperationException("not started");

    /// <summary>Unique per fixture: the database outlives test runs, so accounts must not collide with earlier ones.</summary>
    public string Run { get; } = Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")),
            "ConnectionStrings__Postgres is not set: run scripts/test.sh, or scripts/dev-services.sh and export what it prints");
        _node = await NodeProcess.StartAsync(durable: true, "--node-id", "e2e-durable", "--market-hours", "false", "--Node:Feed:TicksPerSecond", "20");
    }

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
    }
}
