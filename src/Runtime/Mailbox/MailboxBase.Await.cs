namespace ActorTrading.Runtime.Mailbox;

public abstract partial class MailboxBase
{
    private Task? _awaited;
    private object? _awaitedMessage;
    private Action? _onAwaitedCompleted;

    /// <summary>
    /// The slow path of <see cref="Run"/>: a handler that failed synchronously is escalated; one
    /// still running keeps the mailbox busy (the actor is not re-entered) until it completes, and
    /// then the mailbox is scheduled again.
    /// </summary>
    private bool Suspends(Task task, object message)
    {
        if (task.IsCompleted)
        {
            Fail(task, message);
            return false;
        }
        _awaited = task;
        _awaitedMessage = message;
        task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onAwaitedCompleted ??= OnAwaitedCompleted);
        return true;
    }

    private void OnAwaitedCompleted()
    {
        var task = _awaited!;
        var message = _awaitedMessage!;
        _awaited = null;
        _awaitedMessage = null;
        if (!task.IsCompletedSuccessfully) Fail(task, message);
        _dispatcher.Schedule(this);
    }

    private void Fail(Task task, object message)
    {
        var reason = task.Exception?.InnerException ?? new OperationCanceledException("the handler was canceled");
        _invoker.EscalateFailure(reason, message);
    }
}
