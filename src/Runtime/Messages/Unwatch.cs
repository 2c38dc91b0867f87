namespace ActorTrading.Runtime.Messages;

/// <summary>Cancel a <see cref="Watch"/> (system message).</summary>
public sealed record Unwatch(PID Watcher);
