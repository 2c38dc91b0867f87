namespace ActorTrading.Runtime.Messages;

/// <summary>A user message that stops the actor once the messages before it are processed.</summary>
public sealed class PoisonPill
{
    public static readonly PoisonPill Instance = new();
    private PoisonPill() { }
}
