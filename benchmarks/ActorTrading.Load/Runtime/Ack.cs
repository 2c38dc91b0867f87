using ActorTrading.Runtime;

namespace ActorTrading.Load.Runtime;

internal sealed class Ack
{
    public static readonly Ack Instance = new();
}
