using System.Runtime.InteropServices;

namespace ActorTrading.Runtime.Mailbox;

/// <summary>Consumer and producer indexes of a ring on separate cache lines (no false sharing).</summary>
[StructLayout(LayoutKind.Explicit, Size = 3 * 64)]
internal struct PaddedIndexes
{
    [FieldOffset(64)] public int Head;
    [FieldOffset(128)] public int Tail;
}
