namespace ActorTrading.Runtime.Messages;

/// <summary>No message arrived within the time set by <see cref="IContext.SetReceiveTimeout"/>.</summary>
public sealed class ReceiveTimeout : INotInfluenceReceiveTimeout
{
    public static readonly ReceiveTimeout Instance = new();
    private ReceiveTimeout() { }
}
