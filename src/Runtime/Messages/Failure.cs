using ActorTrading.Runtime.Supervision;

namespace ActorTrading.Runtime.Messages;

/// <summary>A child failed while handling <paramref name="Message"/> (system message to its supervisor).</summary>
public sealed record Failure(PID Who, Exception Reason, RestartStatistics RestartStatistics, object? Message);
