using System.Collections.Concurrent;
using ActorTrading.Actors.Ports;
using ActorTrading.Storage.Postgres;
using ActorTrading.Storage.Tests.Infrastructure;

namespace ActorTrading.Storage.Tests.Postgres;

/// <summary>
/// Audit records wait for a group commit with account appends to ride in (no commit of their own while the journal
/// writes), and are still written on their own when none comes within the linger or too many are waiting.
/// </summary>
public sealed class AuditRideAlongTests : IAsyncLifetime
{
    private static readonly TimeSpan Never = TimeSpan.FromMinutes(10);   // longer than any test: only riding along can write it
    private readonly PostgresSchema _schema = new();
    private readonly ConcurrentQueue<JournalCommit> _commits = new();

    public Task InitializeAsync() => _schema.InitializeAsync();

    public Task DisposeAsync() => _schema.DisposeAsync();

    private Task<PostgresStorage> OpenAsync(TimeSpan linger, int limit = 512) =>
        PostgresStorage.OpenAsync(_schema.Options with { AuditLinger = linger, AuditBatchLimit = limit, OnCommit = _commits.Enqueue });

    private static AuditRecord Record(string account, string detail) => new(TestEvents.T0, "alice", "PlaceOrder", account, "OK", detail);

    private async Task<string[]> AuditedAsync(string account) =>
        [.. (await _schema.Storage.ReadModels.ListAuditEventsAsync(account, new PageRequest(100))).Items.Select(a => a.Detail)];

    [Fact]
    public async Task AppendAuditAsync_AppendFollows_RidesInTheAppendsCommit()
    {
        await using var node = await OpenAsync(Never);

        var audit = node.AuditLog.AppendAsync(Record("ride", "o1"));
        await node.Journal.AppendAsync("ride", 1, [TestEvents.Halted()]).WaitAsync(TimeSpan.FromSeconds(60));
        await audit.WaitAsync(TimeSpan.FromSeconds(60));

        var commit = Assert.Single(_commits);
        Assert.Equal((1, 1), (commit.Events, commit.Audits));
        Assert.Equal(["o1"], await AuditedAsync("ride"));
    }

    [Fact]
    public async Task AppendAuditAsync_NoJournalTraffic_WrittenAloneAfterTheLinger()
    {
        await using var node = await OpenAsync(TimeSpan.FromMilliseconds(20));

        await node.AuditLog.AppendAsync(Record("alone", "o1")).WaitAsync(TimeSpan.FromSeconds(60));

        var commit = Assert.Single(_commits);
        Assert.Equal((0, 1), (commit.Events, commit.Audits));
        Assert.Equal(["o1"], await AuditedAsync("alone"));
    }

    [Fact]
    public async Task AppendAuditAsync_BatchLimitWaiting_WrittenAloneWithoutTheLinger()
    {
        await using var node = await OpenAsync(Never, limit: 3);

        await Task.WhenAll(Enumerable.Range(1, 3).Select(i => node.AuditLog.AppendAsync(Record("limit", $"o{i}"))))
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(_commits, c => Assert.Equal(0, c.Events));
        Assert.Equal(3, _commits.Sum(c => c.Audits));
        Assert.Equal(["o1", "o2", "o3"], (await AuditedAsync("limit")).Order());
    }

    [Fact]
    public async Task DisposeAsync_AuditsWaiting_WrittenBeforeTheLanesClose()
    {
        var node = await OpenAsync(Never);
        var audits = Enumerable.Range(1, 2).Select(i => node.AuditLog.AppendAsync(Record("closing", $"o{i}"))).ToArray();

        await node.DisposeAsync();
        await Task.WhenAll(audits).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(["o1", "o2"], (await AuditedAsync("closing")).Order());
    }

    [Fact]
    public async Task AppendAuditAsync_LingerZero_WrittenAtOnceAsBefore()
    {
        await using var node = await OpenAsync(TimeSpan.Zero);

        await node.AuditLog.AppendAsync(Record("direct", "o1")).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal((0, 1), (Assert.Single(_commits).Events, _commits.Single().Audits));
    }
}
