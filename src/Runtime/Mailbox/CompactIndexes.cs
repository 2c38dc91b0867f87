using System.Diagnostics.CodeAnalysis;

namespace ActorTrading.Runtime.Mailbox;

/// <summary>
/// Both indexes side by side (8 bytes): for per-actor mailboxes, where padding them apart would cost 128 B per actor
/// and most actors are idle; a mailbox's producer and consumer rarely touch its ring at the same instant.
/// </summary>
internal struct CompactIndexes : IRingIndexes
{
    private int _head;
    private int _tail;

    [UnscopedRef] public ref int Head => ref _head;

    [UnscopedRef] public ref int Tail => ref _tail;
}
