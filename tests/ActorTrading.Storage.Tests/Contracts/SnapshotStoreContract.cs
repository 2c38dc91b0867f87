using ProtoDecimal = ActorTrading.Actors.Model.ProtoDecimal;
using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;
using ActorTrading.Events.V1;
using ActorTrading.Storage.Tests.Infrastructure;

namespace ActorTrading.Storage.Tests.Contracts;

/// <summary>What every <see cref="ISnapshotStore"/> must do, and recovery over it.</summary>
public abstract class SnapshotStoreContract : StorageContract
{
    private static AccountSnapshot Snap(string a, long seq, decimal cash) => new()
    {
        AccountId = a, LastSeq = seq, Cash = ProtoDecimal.ToProtoRounded(cash), State = TradingState.Active, DisplayName = "x",
    };

    [Fact]
    public async Task SaveAsync_ThenLoadLatest_ReturnsIt()
    {
        var a = NewAccount();
        await Store.Snapshots.SaveAsync(Snap(a, 10, 5m));

        var s = await Store.Snapshots.LoadLatestAsync(a);

        Assert.Equal(10, s!.LastSeq);
        Assert.Equal(5m, ProtoDecimal.FromProto(s.Cash));
    }

    [Fact]
    public async Task SaveAsync_OlderSnapshot_DoesNotReplaceNewer()
    {
        var a = NewAccount();
        await Store.Snapshots.SaveAsync(Snap(a, 20, 2m));
        await Store.Snapshots.SaveAsync(Snap(a, 10, 1m));

        Assert.Equal(20, (await Store.Snapshots.LoadLatestAsync(a))!.LastSeq);
    }

    [Fact]
    public async Task LoadLatestAsync_UnknownAccount_ReturnsNull() => Assert.Null(await Store.Snapshots.LoadLatestAsync(NewAccount()));

    [Fact]
    public async Task SaveAsync_InvalidSnapshot_Throws()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.Snapshots.SaveAsync(new AccountSnapshot { LastSeq = 1 }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.Snapshots.SaveAsync(new AccountSnapshot { AccountId = "a", LastSeq = 0 }));
    }

    [Fact]
    public async Task AccountRecovery_SnapshotThenEvents_ReplaysOnlyEventsAfterSnapshot()
    {
        var a = NewAccount();
        await Store.Journal.AppendAsync(a, 1, TestEvents.Many(25));
        await Store.Snapshots.SaveAsync(Snap(a, 20, 120_020m));

        var recovered = await AccountRecovery.LoadAsync(Store.Journal, Store.Snapshots, a);

        Assert.Equal(20, recovered.Snapshot!.LastSeq);
        Assert.Equal([21L, 22L, 23L, 24L, 25L], recovered.Events.Select(e => e.Seq));
        Assert.Equal(25, recovered.LastSeq);
    }

    [Fact]
    public void SnapshotPolicy_CrossingAMultiple_SaysSnapshot()
    {
        var p = new SnapshotPolicy(100);
        Assert.True(p.ShouldSnapshot(99, 100));
        Assert.True(p.ShouldSnapshot(95, 130));
        Assert.False(p.ShouldSnapshot(100, 199));
        Assert.False(new SnapshotPolicy(0).ShouldSnapshot(1, 1000));
    }
}
