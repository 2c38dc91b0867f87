using ActorTrading.Events.V1;

namespace ActorTrading.Actors.Ports;

/// <summary>What an account activation needs: the latest snapshot (or null) and the events after it.</summary>
public sealed record RecoveredAccount(string AccountId, AccountSnapshot? Snapshot, IReadOnlyList<JournaledEvent> Events)
{
    /// <summary>The seq of the account's last event: the next append uses LastSeq + 1.</summary>
    public long LastSeq => Events.Count > 0 ? Events[^1].Seq : Snapshot?.LastSeq ?? 0;
}

/// <summary>Recovery: load the latest snapshot, then replay the journal after it.</summary>
public static class AccountRecovery
{
    public static async Task<RecoveredAccount> LoadAsync(
        IAccountJournal journal, ISnapshotStore snapshots, string accountId, CancellationToken cancellationToken = default)
    {
        var snapshot = await snapshots.LoadLatestAsync(accountId, cancellationToken).ConfigureAwait(false);
        var events = new List<JournaledEvent>();
        await foreach (var e in journal.LoadAsync(accountId, snapshot?.LastSeq ?? 0, cancellationToken).ConfigureAwait(false))
            events.Add(e);
        return new RecoveredAccount(accountId, snapshot, events);
    }
}
