using ActorTrading.Events.V1;

namespace ActorTrading.Actors.Ports;

/// <summary>Latest snapshot per account (<see cref="AccountSnapshot.LastSeq"/> says where replay resumes).</summary>
public interface ISnapshotStore
{
    /// <summary>Stores the snapshot unless a newer one (higher LastSeq) is already stored.</summary>
    Task SaveAsync(AccountSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>The newest snapshot, or null.</summary>
    /// <exception cref="JournalCorruptException">the stored snapshot no longer parses.</exception>
    Task<AccountSnapshot?> LoadLatestAsync(string accountId, CancellationToken cancellationToken = default);
}
