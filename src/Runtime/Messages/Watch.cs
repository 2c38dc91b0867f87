namespace ActorTrading.Runtime.Messages;

/// <summary>Ask to receive <see cref="Terminated"/> when the target stops (system message).</summary>
public sealed record Watch(PID Watcher);
