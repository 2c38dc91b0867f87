namespace ActorTrading.Runtime.Cluster;

/// <summary>Time for an activation to check whether it has been idle long enough to passivate.</summary>
internal sealed class PassivationTick : Messages.INotInfluenceReceiveTimeout
{
    public static readonly PassivationTick Instance = new();
    private PassivationTick() { }
}
