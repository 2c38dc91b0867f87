namespace ActorTrading.Runtime.Messages;

/// <summary>Stop processing user messages until resumed (system message).</summary>
public sealed class SuspendMailbox
{
    public static readonly SuspendMailbox Instance = new();
    private SuspendMailbox() { }
}
