using System.Collections.Concurrent;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Ports;
using ActorTrading.Storage.Postgres;
using ActorTrading.Storage.Tests.Infrastructure;

namespace ActorTrading.Storage.Tests.Postgres;

/// <summary>
/// The journal's lanes (one connection and one batch in flight each, an account always in the same lane) and the
/// batch cap that bounds how long one commit takes when a backlog forms.
/// </summary>
public sealed class JournalLaneTests : IAsyncLifetime
{
    private readonly PostgresSchema _schema = new();
    private readonly ConcurrentQueue<JournalCommit> _commits = new();

    public Task InitializeAsync() => _schema.InitializeAsync();

    public Task DisposeAsync() => _schema.DisposeAsync();

    private Task<PostgresStorage> OpenAsync(int lanes, int maxBatchEvents) =>
        PostgresStorage.OpenAsync(_schema.Options with { MaxInFlightBatches = lanes, MaxBatchEvents = maxBatchEvents, OnCommit = _commits.Enqueue });

    [Fact]
    public async Task AppendAsync_BacklogLargerThanMaxBatchEvents_EveryCommitCarriesAtMostTheCap()
    {
        await using var node = await OpenAsync(lanes: 2, maxBatchEvents: 8);
        var appends = Enumerable.Range(1, 5)
            .SelectMany(seq => Enumerable.Range(0, 30).Select(i => node.Journal.AppendAsync($"cap-{i}", seq, [TestEvents.Cash(seq, seq)])))
            .ToArray();
        var audits = Enumerable.Range(0, 20)
            .Select(i => node.AuditLog.AppendAsync(new AuditRecord(TestEvents.T0, "alice", "PlaceOrder", $"cap-{i}", "OK", $"o{i}")))
            .ToArray();

        await Task.WhenAll(appends.Concat(audits)).WaitAsync(TimeSpan.FromSeconds(60));

        var commits = _commits.ToArray();
        Assert.All(commits, c => Assert.InRange(c.Events + c.Audits, 1, 8));
        Assert.Equal(150, commits.Sum(c => c.Events));
        Assert.Equal(20, commits.Sum(c => c.Audits));
        for (int i = 0; i < 30; i++) Assert.Equal(5, await node.Journal.GetLastSeqAsync($"cap-{i}"));
    }

    [Fact]
    public async Task AppendAsync_PipelinedOverFourLanes_EachAccountCommitsInSeqOrder()
    {
        await using var node = await OpenAsync(lanes: 4, maxBatchEvents: 3);
        var accounts = Enumerable.Range(0, 20).Select(i => $"lane-{i}").ToArray();
        var appends = Enumerable.Range(1, 10)
            .SelectMany(seq => accounts.Select(a => node.Journal.AppendAsync(a, seq, [TestEvents.Cash(seq, seq)])))
            .ToArray();

        await Task.WhenAll(appends).WaitAsync(TimeSpan.FromSeconds(60));

        foreach (var a in accounts)
        {
            var loaded = new List<JournaledEvent>();
            await foreach (var e in node.Journal.LoadAsync(a, 0)) loaded.Add(e);
            Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), loaded.Select(e => e.Seq));
            Assert.Equal(Enumerable.Range(1, 10).Select(i => (decimal)i), loaded.Select(e => ProtoDecimal.FromProto(e.Event.CashAdjusted.Amount)));
        }
    }

    [Fact]
    public async Task AppendAsync_GapInOneAccountOfABatch_BatchAbortedLoserFailsOthersCommitWithoutIt()
    {
        await using var node = await OpenAsync(lanes: 1, maxBatchEvents: 1000);
        var accounts = Enumerable.Range(0, 10).Select(i => $"gap-{i}").ToArray();
        foreach (var a in accounts) await node.Journal.AppendAsync(a, 1, [TestEvents.Opened(a)]);
        _commits.Clear();

        var appends = accounts.Select((a, i) => node.Journal.AppendAsync(a, i == 4 ? 5 : 2, [TestEvents.Cash(1m, 1m)])).ToArray();
        await Assert.ThrowsAsync<JournalConflictException>(() => Task.WhenAll(appends).WaitAsync(TimeSpan.FromSeconds(60)));

        for (int i = 0; i < accounts.Length; i++)
        {
            Assert.Equal(i == 4, appends[i].IsFaulted);
            Assert.Equal(i == 4 ? 1 : 2, await node.Journal.GetLastSeqAsync(accounts[i]));
        }
        Assert.Equal(9, _commits.Sum(c => c.Events));   // only the retry without the loser committed
        var loser = new List<JournaledEvent>();
        await foreach (var e in node.Journal.LoadAsync(accounts[4], 0)) loser.Add(e);
        Assert.Single(loser);
    }

    [Fact]
    public async Task AppendAsync_ServerDroppedEveryLaneConnection_AtMostOneAppendFailsThenEveryLaneReconnects()
    {
        var app = TestServices.UniqueName("lanes");
        await using var node = await PostgresStorage.OpenAsync(_schema.Options with
        {
            ConnectionString = _schema.ConnectionString + ";Application Name=" + app, MaxInFlightBatches = 4,
        });
        var accounts = Enumerable.Range(0, 40).Select(i => $"drop-{i}").ToArray();
        await Task.WhenAll(accounts.Select(a => node.Journal.AppendAsync(a, 1, [TestEvents.Halted()]))).WaitAsync(TimeSpan.FromSeconds(60));

        await _schema.ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{app}'");

        var outcomes = new List<Exception?>();
        foreach (var a in accounts)   // one at a time: after the first lane finds its connection dead, the others must not
        {
            try { await node.Journal.AppendAsync(a, 2, [TestEvents.Halted()]).WaitAsync(TimeSpan.FromSeconds(60)); outcomes.Add(null); }
            catch (JournalUnavailableException ex) { outcomes.Add(ex); }
        }

        Assert.All(outcomes.Skip(1), o => Assert.Null(o));
        for (int i = 1; i < accounts.Length; i++) Assert.Equal(2, await node.Journal.GetLastSeqAsync(accounts[i]));
    }

    [Fact]
    public async Task OnCommit_EveryCommit_ReportsRoundTripWithinElapsedAndTheOldestAppendsQueueWait()
    {
        await using var node = await OpenAsync(lanes: 1, maxBatchEvents: 4096);
        await node.Journal.AppendAsync("metrics-0", 1, [TestEvents.Opened("metrics-0")]);
        var appends = Enumerable.Range(1, 50).Select(i => node.Journal.AppendAsync($"metrics-{i}", 1, [TestEvents.Opened($"metrics-{i}")])).ToArray();

        await Task.WhenAll(appends).WaitAsync(TimeSpan.FromSeconds(60));

        var commits = _commits.ToArray();
        Assert.Equal(51, commits.Sum(c => c.Events));
        Assert.All(commits, c =>
        {
            Assert.True(c.RoundTrip > TimeSpan.Zero, $"round trip {c.RoundTrip}");
            Assert.InRange(c.RoundTrip, TimeSpan.Zero, c.Elapsed);
            Assert.True(c.QueueWait >= TimeSpan.Zero, $"queue wait {c.QueueWait}");
        });
    }
}
