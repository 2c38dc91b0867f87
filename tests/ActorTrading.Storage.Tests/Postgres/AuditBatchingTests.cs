using ActorTrading.Actors.Ports;
using ActorTrading.Storage.Tests.Infrastructure;
using Npgsql;

namespace ActorTrading.Storage.Tests.Postgres;

/// <summary>Audit records ride in the journal's group commit: same transaction machinery, failures isolated per record.</summary>
public sealed class AuditBatchingTests : IAsyncLifetime
{
    private readonly PostgresSchema _schema = new();

    public Task InitializeAsync() => _schema.InitializeAsync();

    public Task DisposeAsync() => _schema.DisposeAsync();

    private static AuditRecord Record(string account, string detail) =>
        new(TestEvents.T0, "alice", "PlaceOrder", account, "OK", detail);

    [Fact]
    public async Task AppendAsync_AuditsAndAppendsConcurrently_AllCommittedAndListed()
    {
        var journal = _schema.Storage.Journal;
        var appends = Enumerable.Range(0, 40).Select(i => journal.AppendAsync($"acct-{i}", 1, [TestEvents.Halted()]));
        var audits = Enumerable.Range(0, 40).Select(i => _schema.Storage.AuditLog.AppendAsync(Record($"acct-{i}", $"o{i}")));

        await Task.WhenAll(appends.Concat(audits)).WaitAsync(TimeSpan.FromSeconds(60));

        for (int i = 0; i < 40; i++)
        {
            Assert.Equal(1, await journal.GetLastSeqAsync($"acct-{i}"));
            var page = await _schema.Storage.ReadModels.ListAuditEventsAsync($"acct-{i}", new PageRequest(10));
            Assert.Equal($"o{i}", Assert.Single(page.Items).Detail);
        }
    }

    [Fact]
    public async Task AppendAsync_OneAuditRecordRejectedByDatabase_OnlyThatRecordFails()
    {
        var journal = _schema.Storage.Journal;
        var appends = Enumerable.Range(0, 20).Select(i => journal.AppendAsync($"ok-{i}", 1, [TestEvents.Halted()])).ToArray();
        var good = Enumerable.Range(0, 20).Select(i => _schema.Storage.AuditLog.AppendAsync(Record("audited", $"fine-{i}"))).ToArray();
        var bad = _schema.Storage.AuditLog.AppendAsync(Record("audited", "nul\0detail"));

        await Task.WhenAll(appends.Concat(good)).WaitAsync(TimeSpan.FromSeconds(60));
        await Assert.ThrowsAsync<PostgresException>(() => bad);
        Assert.Equal(1, await journal.GetLastSeqAsync("ok-19"));
        var page = await _schema.Storage.ReadModels.ListAuditEventsAsync("audited", new PageRequest(100));
        Assert.Equal(20, page.Items.Count);
    }

    [Fact]
    public async Task AppendAsync_JournalDisposed_AuditRefusedAsUnavailable()
    {
        await using var node = await _schema.OpenAnotherAsync();
        await node.Journal.DisposeAsync();

        await Assert.ThrowsAsync<JournalUnavailableException>(() => node.AuditLog.AppendAsync(Record("late", "x")));
    }
}
