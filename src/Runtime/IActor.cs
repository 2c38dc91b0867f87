namespace ActorTrading.Runtime;

/// <summary>An actor: handles one message at a time; <see cref="IContext.Message"/> is the current one.</summary>
public interface IActor
{
    /// <summary>Return <see cref="Task.CompletedTask"/> when done synchronously (the fast path); an
    /// incomplete task keeps the mailbox waiting until it completes (no re-entry).</summary>
    Task ReceiveAsync(IContext context);
}
