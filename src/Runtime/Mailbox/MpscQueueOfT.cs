namespace ActorTrading.Runtime.Mailbox;

/// <summary>The per-actor flavour of <see cref="MpscQueue{T, TIndexes}"/>: compact indexes, small first ring.</summary>
internal sealed class MpscQueue<T>(int initialCapacity = 2) : MpscQueue<T, CompactIndexes>(initialCapacity)
    where T : class;
