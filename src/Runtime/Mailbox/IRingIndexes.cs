using System.Diagnostics.CodeAnalysis;

namespace ActorTrading.Runtime.Mailbox;

/// <summary>
/// Where a ring (<see cref="MpscSegment{T, TIndexes}"/>) keeps its consumer and producer indexes. A struct type
/// argument, so the JIT specializes the ring per layout: no indirection, no virtual call.
/// </summary>
internal interface IRingIndexes
{
    [UnscopedRef] ref int Head { get; }

    [UnscopedRef] ref int Tail { get; }
}
