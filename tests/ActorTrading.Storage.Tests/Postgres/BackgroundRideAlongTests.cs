using System.Collections.Concurrent;
using ActorTrading.Actors.Ports;
using ActorTrading.Storage.Postgres;
using ActorTrading.Storage.Tests.Infrastructure;

namespace ActorTrading.Storage.Tests.Postgres;

/// <summary>
/// Background appends (a broker's reports) wait for another append's group commit to ride in, whichever lane that is,
/// and are written on their own when none comes within the linger, when the caller flushes them, or at dispose.
/// </summary>
public sealed class BackgroundRideAlongTests : IAsyncLifetime
{
    private static readonly TimeSpan Never = TimeSpan.FromMinutes(10);   // longer than any test: only riding along or a flush can write it
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly PostgresSchema _schema = new();
    private readonly ConcurrentQueue<JournalCommit> _commits = new();

    public Task InitializeAsync() => _schema.InitializeAsync();

    public Task DisposeAsync() => _schema.DisposeAsync();

    private Task<PostgresStorage> OpenAsync(TimeSpan linger) =>
        PostgresStorage.OpenAsync(_schema.Options with { BackgroundLinger = linger, AuditLinger = TimeSpan.Zero, OnCommit = _commits.Enqueue });

    private static async Task<int> CountAsync(IAccountJournal journal, string account)
    {
        int n = 0;
        await foreach (var _ in journal.LoadAsync(account, 0)) n++;
        return n;
    }

    [Fact]
    public async Task AppendBackgroundAsync_AppendFollows_RidesInTheAppendsCommit()
    {
        await using var node = await OpenAsync(Never);

        var held = node.Journal.AppendBackgroundAsync("bg-1", 1, [TestEvents.Halted()]);
        await node.Journal.AppendAsync("fg-1", 1, [TestEvents.Halted(), TestEvents.Halted()]).WaitAsync(Guard);
        await held.WaitAsync(Guard);

        Assert.Equal(3, Assert.Single(_commits).Events);   // one transaction for both accounts, whatever their lanes
        Assert.Equal((1, 2), (await CountAsync(node.Journal, "bg-1"), await CountAsync(node.Journal, "fg-1")));
        Assert.Equal(1, await node.Journal.GetLastSeqAsync("bg-1"));
    }

    [Fact]
    public async Task AppendBackgroundAsync_NoOtherAppend_WrittenAloneAfterTheLinger()
    {
        await using var node = await OpenAsync(TimeSpan.FromMilliseconds(5));

        await node.Journal.AppendBackgroundAsync("alone", 1, [TestEvents.Halted()]).WaitAsync(Guard);

        Assert.Equal(1, Assert.Single(_commits).Events);
        Assert.Equal(1, await CountAsync(node.Journal, "alone"));
    }

    [Fact]
    public async Task FlushBackground_AppendHeld_WrittenAtOnce()
    {
        await using var node = await OpenAsync(Never);

        var held = node.Journal.AppendBackgroundAsync("flushed", 1, [TestEvents.Halted()]);
        node.Journal.FlushBackground();
        await held.WaitAsync(Guard);

        Assert.Equal(1, Assert.Single(_commits).Events);
    }

    [Fact]
    public async Task DisposeAsync_AppendsHeld_WrittenBeforeTheLanesClose()
    {
        var node = await OpenAsync(Never);
        var held = new[] { node.Journal.AppendBackgroundAsync("closing-1", 1, [TestEvents.Halted()]), node.Journal.AppendBackgroundAsync("closing-2", 1, [TestEvents.Halted()]) };

        await node.DisposeAsync();
        await Task.WhenAll(held).WaitAsync(Guard);

        Assert.Equal(2, _commits.Sum(c => c.Events));
        await using var reopened = await PostgresStorage.OpenAsync(_schema.Options);
        Assert.Equal((1, 1), (await CountAsync(reopened.Journal, "closing-1"), await CountAsync(reopened.Journal, "closing-2")));
    }

    [Fact]
    public async Task AppendBackgroundAsync_LingerZero_WrittenAtOnceAsAnyAppend()
    {
        await using var node = await OpenAsync(TimeSpan.Zero);

        await node.Journal.AppendBackgroundAsync("direct", 1, [TestEvents.Halted()]).WaitAsync(Guard);

        Assert.Equal(1, Assert.Single(_commits).Events);
    }

    [Fact]
    public async Task AppendBackgroundAsync_ClaimLosesInTheRide_FailsOnlyItsAccount()
    {
        await using var node = await OpenAsync(Never);
        await node.Journal.AppendAsync("taken", 1, [TestEvents.Halted()]).WaitAsync(Guard);   // head of "taken" is 1

        var stale = node.Journal.AppendBackgroundAsync("taken", 1, [TestEvents.Halted()]);   // a second writer's seq 1
        await node.Journal.AppendAsync("rider", 1, [TestEvents.Halted()]).WaitAsync(Guard);

        await Assert.ThrowsAsync<JournalConflictException>(() => stale.WaitAsync(Guard));
        Assert.Equal((1, 1), (await CountAsync(node.Journal, "taken"), await CountAsync(node.Journal, "rider")));
    }
}
