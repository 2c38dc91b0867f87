using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace ActorTrading.Runtime.Mailbox;

/// <summary>
/// Consumer and producer indexes on separate cache lines (no false sharing between them): for the few queues that
/// another core fills while one drains them all the time, like the latency dispatcher's ready queue.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 2 * 64)]
internal struct PaddedIndexes : IRingIndexes
{
    [FieldOffset(0)] private int _head;
    [FieldOffset(64)] private int _tail;

    [UnscopedRef] public ref int Head => ref _head;

    [UnscopedRef] public ref int Tail => ref _tail;
}
