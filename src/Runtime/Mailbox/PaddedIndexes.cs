using System.Runtime.InteropServices;

namespace ActorTrading.Runtime.Mailbox;

/// <summary>Consumer and producer indexes of a ring on separate cache lines (no false sharing between them).</summary>
[StructLayout(LayoutKind.Explicit, Size = 2 * 64)]
internal struct PaddedIndexes
{
    [FieldOffset(0)] public int Head;
    [FieldOffset(64)] public int Tail;
}
