namespace ActorTrading.Runtime.Messages;

public enum TerminatedReason
{
    /// <summary>The actor stopped (Stop, Poison, supervisor decision or passivation).</summary>
    Stopped,
    /// <summary>The actor was not alive when it was watched.</summary>
    NotFound,
}
