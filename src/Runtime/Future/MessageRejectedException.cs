namespace ActorTrading.Runtime.Future;

/// <summary>A request was refused or evicted by the target's bounded mailbox.</summary>
public sealed class MessageRejectedException(PID target, object message)
    : Exception($"the mailbox of {target} is full and refused {message.GetType().Name}")
{
    public PID Target { get; } = target;
    public object RejectedMessage { get; } = message;
}
