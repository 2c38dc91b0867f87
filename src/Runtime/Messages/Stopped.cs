namespace ActorTrading.Runtime.Messages;

/// <summary>The actor has stopped: its children are gone and it is no longer registered.</summary>
public sealed class Stopped
{
    public static readonly Stopped Instance = new();
    private Stopped() { }
}
