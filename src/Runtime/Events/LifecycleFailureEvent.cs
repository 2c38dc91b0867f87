namespace ActorTrading.Runtime.Events;

/// <summary>An actor threw while handling Stopping, Stopped or Restarting; the lifecycle went on.</summary>
public sealed record LifecycleFailureEvent(PID Who, Exception Reason, object Message);
