using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Context;

/// <summary>Receive timeout, re-entrancy and stash.</summary>
internal sealed partial class ActorContext
{
    public void SetReceiveTimeout(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var extras = EnsureExtras();
        extras.ReceiveTimeout = duration;
        extras.ReceiveTimer ??= _system.TimeProvider.CreateTimer(
            static s => ((ActorContext)s!).OnReceiveTimeout(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        extras.ReceiveTimer.Change(duration, Timeout.InfiniteTimeSpan);
    }

    public void CancelReceiveTimeout()
    {
        StopReceiveTimer();
        if (_extras is not null) _extras.ReceiveTimeout = TimeSpan.Zero;
    }

    private void StopReceiveTimer()
    {
        if (_extras?.ReceiveTimer is not { } timer) return;
        _extras.ReceiveTimer = null;
        timer.Dispose();
    }

    private void OnReceiveTimeout() => _self.SendUserMessage(_system, Messages.ReceiveTimeout.Instance);

    public void ReenterAfter(Task target, Func<Task, Task> action) =>
        Reenter(target, () => action(target));

    public void ReenterAfter<T>(Task<T> target, Func<Task<T>, Task> action) =>
        Reenter(target, () => action(target));

    public void ReenterAfter(Task target, Action action) =>
        Reenter(target, () => { action(); return Task.CompletedTask; });

    private void Reenter(Task target, Func<Task> continuation)
    {
        var self = _self;
        var system = _system;
        var continuationMessage = new Continuation(continuation, _message);
        target.ContinueWith(
            static (_, s) => { var (pid, sys, c) = ((PID, ActorSystem, Continuation))s!; pid.SendSystemMessage(sys, c); },
            (self, system, continuationMessage), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task HandleContinuationAsync(Continuation continuation)
    {
        if (_state == ContextState.Stopped) return;
        var previous = _message;
        _message = continuation.Message;
        try
        {
            await continuation.Action().ConfigureAwait(false);
        }
        finally
        {
            _message = previous;
        }
    }

    public void Stash()
    {
        if (_message is null) throw new InvalidOperationException("no current message to stash");
        (EnsureExtras().Stash ??= new List<object>()).Add(_message);
    }

    public void UnstashAll()
    {
        if (_extras?.Stash is not { Count: > 0 } stash) return;
        var unstashed = _extras.Unstashed ??= new Queue<object>();
        foreach (var message in stash) unstashed.Enqueue(message);
        stash.Clear();
    }

    private async Task ReplayUnstashedAsync()
    {
        while (_extras?.Unstashed is { Count: > 0 } unstashed && _state == ContextState.Alive)
        {
            _message = unstashed.Dequeue();
            try
            {
                await _actor.ReceiveAsync(this).ConfigureAwait(false);
            }
            finally
            {
                _message = null;
            }
        }
    }
}
