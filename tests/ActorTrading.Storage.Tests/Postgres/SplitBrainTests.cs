using ActorTrading.Actors.Ports;
using ActorTrading.Storage.Tests.Infrastructure;

namespace ActorTrading.Storage.Tests.Postgres;

/// <summary>Two nodes both believe they own one account: the (account, seq) claim lets exactly one keep writing.</summary>
public sealed class SplitBrainTests : IAsyncLifetime
{
    private readonly PostgresSchema _schema = new();

    public Task InitializeAsync() => _schema.InitializeAsync();

    public Task DisposeAsync() => _schema.DisposeAsync();

    [Fact]
    public async Task AppendAsync_TwoNodesWriteTheSameAccount_ExactlyOneKeepsWritingTheOtherGetsConflict()
    {
        await using var otherNode = await _schema.OpenAnotherAsync();
        const string account = "acct-split";
        await _schema.Storage.Journal.AppendAsync(account, 1, TestEvents.Many(5));

        async Task<(string Name, int Written, Exception? Error)> Node(string name, IAccountJournal journal)
        {
            int written = 0;
            for (long seq = 6; seq < 56; seq++)
            {
                var e = TestEvents.Cash(1m, seq);
                e.CashAdjusted.Reason = name;
                try { await journal.AppendAsync(account, seq, [e]); written++; }
                catch (Exception ex) { return (name, written, ex); }
            }
            return (name, written, null);
        }

        var results = await Task.WhenAll(Node("a", _schema.Storage.Journal), Node("b", otherNode.Journal)).WaitAsync(TimeSpan.FromSeconds(60));

        var winner = Assert.Single(results, r => r.Error is null);
        var loser = Assert.Single(results, r => r.Error is not null);
        var conflict = Assert.IsType<JournalConflictException>(loser.Error);
        Assert.Equal(account, conflict.AccountId);
        Assert.Equal(50, winner.Written);

        var events = new List<JournaledEvent>();
        await foreach (var e in _schema.Storage.Journal.LoadAsync(account, 0)) events.Add(e);
        Assert.Equal(Enumerable.Range(1, 55).Select(i => (long)i), events.Select(e => e.Seq));
        // the loser's early wins (before it lost a race) are part of the one history; after its conflict, only the winner wrote
        Assert.Equal(winner.Name, events[^1].Event.CashAdjusted.Reason);
        Assert.Equal(50, events.Skip(5).Count(e => e.Event.CashAdjusted.Reason == winner.Name) + loser.Written);
    }
}
