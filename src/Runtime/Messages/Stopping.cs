namespace ActorTrading.Runtime.Messages;

/// <summary>The actor is about to stop; its children are still alive.</summary>
public sealed class Stopping
{
    public static readonly Stopping Instance = new();
    private Stopping() { }
}
