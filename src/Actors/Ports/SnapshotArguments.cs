using ActorTrading.Events.V1;

namespace ActorTrading.Actors.Ports;

/// <summary>Argument rules every <see cref="ISnapshotStore"/> enforces the same way.</summary>
public static class SnapshotArguments
{
    public static void Validate(AccountSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (string.IsNullOrEmpty(snapshot.AccountId) || snapshot.AccountId.Length > JournalArguments.MaxAccountIdLength)
            throw new ArgumentException("snapshot.account_id is required", nameof(snapshot));
        if (snapshot.LastSeq < 1) throw new ArgumentException("snapshot.last_seq must be >= 1", nameof(snapshot));
    }
}
