namespace ActorTrading.Runtime.Future;

/// <summary>A request went to a process that does not exist: thrown at once, not after the timeout.</summary>
public sealed class DeadLetterException(PID target) : Exception($"no process {target} to answer the request")
{
    public PID Target { get; } = target;
}
