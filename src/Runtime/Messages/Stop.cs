namespace ActorTrading.Runtime.Messages;

/// <summary>Stop the actor (system message: system messages are always handled before user messages).</summary>
public sealed class Stop
{
    public static readonly Stop Instance = new();
    private Stop() { }
}
