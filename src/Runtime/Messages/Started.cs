namespace ActorTrading.Runtime.Messages;

/// <summary>The first message an actor receives, after it was created (and after every restart).</summary>
public sealed class Started
{
    public static readonly Started Instance = new();
    private Started() { }
}
