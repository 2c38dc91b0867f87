namespace ActorTrading.Actors.Ports;

/// <summary>Take a snapshot every <see cref="EveryEvents"/> events.</summary>
public sealed record SnapshotPolicy(int EveryEvents)
{
    public static SnapshotPolicy Default { get; } = new(1000);

    /// <summary>True when an append that moved the account from <paramref name="seqBefore"/> to <paramref name="seqAfter"/> crossed a multiple of EveryEvents.</summary>
    public bool ShouldSnapshot(long seqBefore, long seqAfter) =>
        EveryEvents > 0 && seqAfter / EveryEvents > seqBefore / EveryEvents;
}
