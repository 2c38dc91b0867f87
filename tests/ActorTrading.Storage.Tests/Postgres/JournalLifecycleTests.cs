using ActorTrading.Actors.Ports;
using ActorTrading.Storage.Tests.Infrastructure;

namespace ActorTrading.Storage.Tests.Postgres;

public sealed class JournalLifecycleTests : IAsyncLifetime
{
    private readonly PostgresSchema _schema = new();

    public Task InitializeAsync() => _schema.InitializeAsync();

    public Task DisposeAsync() => _schema.DisposeAsync();

    [Fact]
    public async Task DisposeAsync_AppendsInFlight_AllCompleteThenNewAppendsAreRefused()
    {
        await using var node = await _schema.OpenAnotherAsync();
        var inFlight = Enumerable.Range(0, 50).Select(i => node.Journal.AppendAsync($"a{i}", 1, [TestEvents.Halted()])).ToArray();

        await node.Journal.DisposeAsync();

        await Task.WhenAll(inFlight);   // disposing drains: nothing accepted is dropped
        await Assert.ThrowsAsync<JournalUnavailableException>(() => node.Journal.AppendAsync("late", 1, [TestEvents.Halted()]));
        Assert.Equal(1, await _schema.Storage.Journal.GetLastSeqAsync("a49"));
    }
}
