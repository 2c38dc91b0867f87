namespace ActorTrading.Runtime.Messages;

/// <summary>The actor failed and its supervisor restarts it: a new instance will receive <see cref="Started"/>.</summary>
public sealed class Restarting
{
    public static readonly Restarting Instance = new();
    private Restarting() { }
}
