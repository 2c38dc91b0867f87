namespace ActorTrading.Runtime.Messages;

/// <summary>Runs the continuation of <see cref="IContext.ReenterAfter(Task, Func{Task, Task})"/> on the actor (system message).</summary>
internal sealed class Continuation(Func<Task> action, object? message)
{
    public Func<Task> Action { get; } = action;
    public object? Message { get; } = message;
}
