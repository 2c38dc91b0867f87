using ActorTrading.Actors.Ports;
using ActorTrading.Storage.Tests.Infrastructure;
using Npgsql;

namespace ActorTrading.Storage.Tests.Postgres;

public sealed class CorruptionTests : IAsyncLifetime
{
    private readonly PostgresSchema _schema = new();

    public Task InitializeAsync() => _schema.InitializeAsync();

    public Task DisposeAsync() => _schema.DisposeAsync();

    [Fact]
    public async Task LoadAsync_PayloadNoLongerParses_ClearErrorNamingAccountAndSeqWhileOthersWork()
    {
        var journal = _schema.Storage.Journal;
        await journal.AppendAsync("bad", 1, TestEvents.Many(4));
        await journal.AppendAsync("good", 1, TestEvents.Many(4));
        await _schema.ExecuteAsync("UPDATE account_events SET payload = '\\xffffffff0f'::bytea WHERE account_id = 'bad' AND seq = 3");

        var ex = await Assert.ThrowsAsync<JournalCorruptException>(async () =>
        {
            await foreach (var _ in journal.LoadAsync("bad", 0)) { }
        });

        Assert.Equal("bad", ex.AccountId);
        Assert.Equal(3, ex.Seq);
        Assert.Contains("'bad'", ex.Message);
        Assert.Contains("seq 3", ex.Message);
        int good = 0;
        await foreach (var _ in journal.LoadAsync("good", 0)) good++;
        Assert.Equal(4, good);
        await journal.AppendAsync("good", 5, [TestEvents.Halted()]);
    }

    [Fact]
    public async Task LoadLatestAsync_SnapshotNoLongerParses_ClearErrorNamingAccountAndSeq()
    {
        await _schema.Storage.Snapshots.SaveAsync(new() { AccountId = "snap", LastSeq = 7 });
        await _schema.ExecuteAsync("UPDATE account_snapshots SET payload = '\\xffffffff0f'::bytea WHERE account_id = 'snap'");

        var ex = await Assert.ThrowsAsync<JournalCorruptException>(() => _schema.Storage.Snapshots.LoadLatestAsync("snap"));
        Assert.Equal(7, ex.Seq);
        Assert.Contains("snapshot", ex.Message);
    }

    [Fact]
    public async Task AppendAsync_OneAccountsDataRejectedByDatabase_OnlyThatAppendFailsInTheBatch()
    {
        var journal = _schema.Storage.Journal;
        var good = Enumerable.Range(0, 30).Select(i => journal.AppendAsync($"ok-{i}", 1, [TestEvents.Halted()])).ToArray();
        var bad = journal.AppendAsync("nul\0id", 1, [TestEvents.Halted()]);

        await Task.WhenAll(good).WaitAsync(TimeSpan.FromSeconds(60));
        await Assert.ThrowsAsync<PostgresException>(() => bad);
        Assert.Equal(1, await journal.GetLastSeqAsync("ok-29"));
    }

    [Fact]
    public async Task AppendAsync_ReadModelStatementFails_EventsAndSeqClaimRolledBackToo()
    {
        var journal = _schema.Storage.Journal;
        var good = journal.AppendAsync("fine", 1, [TestEvents.Accepted("o1")]);
        var bad = journal.AppendAsync("broken", 1, [TestEvents.Halted(), TestEvents.Accepted("o1", symbol: "NSE:\0BAD")]);

        await good;
        await Assert.ThrowsAsync<PostgresException>(() => bad);

        // the claim and the events statements ran before the orders insert failed: one transaction, so none of it stayed
        Assert.Equal(0, await journal.GetLastSeqAsync("broken"));
        await foreach (var _ in journal.LoadAsync("broken", 0)) Assert.Fail("no event may remain");
        Assert.NotNull(await _schema.Storage.ReadModels.GetOrderAsync("fine", "o1"));
        await journal.AppendAsync("broken", 1, [TestEvents.Halted()]);
    }
}
