namespace ActorTrading.Runtime.Messages;

/// <summary>Resume processing user messages (system message); the failed message is skipped.</summary>
public sealed class ResumeMailbox
{
    public static readonly ResumeMailbox Instance = new();
    private ResumeMailbox() { }
}
