using ActorTrading.Runtime;

namespace ActorTrading.Load.Runtime;

/// <summary>A ping that carries whom to answer, so neither direction allocates an envelope.</summary>
internal sealed class Ping(PID replyTo)
{
    public PID ReplyTo { get; } = replyTo;
}
