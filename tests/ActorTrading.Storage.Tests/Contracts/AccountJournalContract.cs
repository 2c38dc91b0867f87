using ProtoDecimal = ActorTrading.Actors.Model.ProtoDecimal;
using ActorTrading.Actors.Ports;
using ActorTrading.Events.V1;
using ActorTrading.Storage.Tests.Infrastructure;

namespace ActorTrading.Storage.Tests.Contracts;

/// <summary>What every <see cref="IAccountJournal"/> must do.</summary>
public abstract class AccountJournalContract : StorageContract
{
    private IAccountJournal Journal => Store.Journal;

    private async Task<List<JournaledEvent>> LoadAll(string account, long after = 0)
    {
        var list = new List<JournaledEvent>();
        await foreach (var e in Journal.LoadAsync(account, after)) list.Add(e);
        return list;
    }

    [Fact]
    public async Task AppendAsync_ConsecutiveSeqs_LoadReturnsThemInOrder()
    {
        var a = NewAccount();
        await Journal.AppendAsync(a, 1, [TestEvents.Opened(a)]);
        await Journal.AppendAsync(a, 2, [TestEvents.Accepted("o1"), TestEvents.Submitted("o1")]);

        var loaded = await LoadAll(a);

        Assert.Equal([1L, 2L, 3L], loaded.Select(e => e.Seq));
        Assert.Equal(AccountEvent.EventOneofCase.AccountOpened, loaded[0].Event.EventCase);
        Assert.Equal("o1", loaded[2].Event.OrderSubmitted.OrderId);
        Assert.Equal(TestEvents.T0, loaded[0].At);
        Assert.All(loaded, e => Assert.Equal(a, e.AccountId));
    }

    [Fact]
    public async Task LoadAsync_AfterSeq_ReturnsOnlyLaterEvents()
    {
        var a = NewAccount();
        await Journal.AppendAsync(a, 1, TestEvents.Many(5));

        Assert.Equal([4L, 5L], (await LoadAll(a, 3)).Select(e => e.Seq));
        Assert.Empty(await LoadAll(a, 5));
    }

    [Fact]
    public async Task LoadAsync_UnknownAccount_IsEmpty()
    {
        Assert.Empty(await LoadAll(NewAccount()));
        Assert.Equal(0, await Journal.GetLastSeqAsync(NewAccount()));
    }

    [Fact]
    public async Task AppendAsync_SeqAlreadyWritten_ThrowsConflictAndKeepsTheFirst()
    {
        var a = NewAccount();
        await Journal.AppendAsync(a, 1, [TestEvents.Opened(a), TestEvents.Cash(5m, 100_005m)]);

        var ex = await Assert.ThrowsAsync<JournalConflictException>(() => Journal.AppendAsync(a, 2, [TestEvents.Halted()]));

        Assert.Equal(a, ex.AccountId);
        Assert.Equal(2, ex.FirstSeq);
        Assert.Equal(2, ex.LastSeqInJournal);
        var loaded = await LoadAll(a);
        Assert.Equal(AccountEvent.EventOneofCase.CashAdjusted, loaded[1].Event.EventCase);
        Assert.Equal(2, await Journal.GetLastSeqAsync(a));
    }

    [Fact]
    public async Task AppendAsync_GapInSeq_ThrowsConflict()
    {
        var a = NewAccount();
        await Assert.ThrowsAsync<JournalConflictException>(() => Journal.AppendAsync(a, 2, [TestEvents.Opened(a)]));
        Assert.Empty(await LoadAll(a));
    }

    [Fact]
    public async Task AppendAsync_ConflictOnOneAccount_OtherAccountsInTheSameMomentSucceed()
    {
        var accounts = Enumerable.Range(0, 20).Select(_ => NewAccount()).ToArray();
        foreach (var a in accounts) await Journal.AppendAsync(a, 1, [TestEvents.Opened(a)]);

        var tasks = accounts.Select((a, i) => Journal.AppendAsync(a, i == 7 ? 1 : 2, [TestEvents.Cash(1m, 1m)])).ToArray();
        var all = Task.WhenAll(tasks);
        await Assert.ThrowsAsync<JournalConflictException>(() => all);

        for (int i = 0; i < accounts.Length; i++)
        {
            Assert.Equal(i == 7, tasks[i].IsFaulted);
            Assert.Equal(i == 7 ? 1 : 2, await Journal.GetLastSeqAsync(accounts[i]));
        }
    }

    [Fact]
    public async Task AppendAsync_TwoWritersRaceForTheSameSeq_ExactlyOneWins()
    {
        var a = NewAccount();
        await Journal.AppendAsync(a, 1, [TestEvents.Opened(a)]);

        var first = Journal.AppendAsync(a, 2, [TestEvents.Cash(1m, 1m)]);
        var second = Journal.AppendAsync(a, 2, [TestEvents.Halted()]);
        var outcomes = await Task.WhenAll(Outcome(first), Outcome(second));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is JournalConflictException);
        Assert.Equal(2, (await LoadAll(a)).Count);
    }

    [Fact]
    public async Task AppendAsync_ManyAccountsConcurrently_AllDurableInOrder()
    {
        var accounts = Enumerable.Range(0, 50).Select(_ => NewAccount()).ToArray();
        var writers = accounts.Select(async a =>
        {
            for (int seq = 1; seq <= 20; seq += 2) await Journal.AppendAsync(a, seq, TestEvents.Many(2));
        });
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60));

        foreach (var a in accounts) Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), (await LoadAll(a)).Select(e => e.Seq));
    }

    [Fact]
    public async Task AppendAsync_PipelinedWithoutAwaiting_AllCommitInSeqOrder()
    {
        var accounts = Enumerable.Range(0, 5).Select(_ => NewAccount()).ToArray();
        var tasks = Enumerable.Range(1, 100)
            .SelectMany(seq => accounts.Select(a => Journal.AppendAsync(a, seq, [TestEvents.Cash(seq, seq)])))
            .ToArray();
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));

        foreach (var a in accounts)
        {
            var loaded = await LoadAll(a);
            Assert.Equal(Enumerable.Range(1, 100).Select(i => (decimal)i), loaded.Select(e => ProtoDecimal.FromProto(e.Event.CashAdjusted.Amount)));
        }
    }

    [Fact]
    public async Task AppendAsync_InvalidArguments_Throw()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Journal.AppendAsync("", 1, [TestEvents.Halted()]));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Journal.AppendAsync(NewAccount(), 0, [TestEvents.Halted()]));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Journal.AppendAsync(NewAccount(), 1, []));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Journal.AppendAsync(NewAccount(), 1, [new AccountEvent()]));
    }

    [Fact]
    public async Task AppendAsync_AppendedEventMutatedLater_JournalKeepsWhatWasAppended()
    {
        var a = NewAccount();
        var e = TestEvents.Opened(a);
        await Journal.AppendAsync(a, 1, [e]);
        e.AccountOpened.DisplayName = "changed";

        Assert.Equal("Test " + a, (await LoadAll(a))[0].Event.AccountOpened.DisplayName);
    }

    private static async Task<Exception?> Outcome(Task t)
    {
        try { await t; return null; }
        catch (Exception ex) { return ex; }
    }
}
