using ActorTrading.Runtime;

namespace ActorTrading.Load.Runtime;

/// <summary>One immutable broadcast shared by every child (no allocation per subscriber).</summary>
internal sealed class Broadcast
{
    public static readonly Broadcast Instance = new();
}
