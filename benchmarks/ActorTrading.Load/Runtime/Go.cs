using ActorTrading.Runtime;

namespace ActorTrading.Load.Runtime;

internal sealed class Go
{
    public static readonly Go Instance = new();
}
