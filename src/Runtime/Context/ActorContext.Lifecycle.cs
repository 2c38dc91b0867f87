using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Context;

internal sealed partial class ActorContext
{
    private async Task HandleStopAsync()
    {
        if (_state is ContextState.Stopping or ContextState.Stopped) return;
        _state = ContextState.Stopping;
        StopReceiveTimer();
        await InvokeLifecycleAsync(Stopping.Instance).ConfigureAwait(false);
        StopAllChildren();
        await TryRestartOrTerminateAsync().ConfigureAwait(false);
    }

    private async Task HandleRestartAsync(Restart restart)
    {
        if (_state is ContextState.Stopping or ContextState.Stopped) return;
        _state = ContextState.Restarting;
        CancelReceiveTimeout(); // the new instance sets its own
        _system.Metrics.Restarted();
        await InvokeLifecycleAsync(Restarting.Instance).ConfigureAwait(false);
        StopAllChildren();
        await TryRestartOrTerminateAsync().ConfigureAwait(false);
    }

    private async Task HandleTerminatedAsync(Terminated terminated)
    {
        _extras?.Children?.Remove(terminated.Who);
        _extras?.Watching?.Remove(terminated.Who);
        if (_state == ContextState.Stopped) return;
        await InvokeUserAsync(terminated).ConfigureAwait(false);
        await TryRestartOrTerminateAsync().ConfigureAwait(false);
    }

    /// <summary>Once the last child has gone, a stopping actor terminates and a restarting one restarts.</summary>
    private Task TryRestartOrTerminateAsync()
    {
        if (_extras is { ChildCount: > 0 }) return Task.CompletedTask;
        return _state switch
        {
            ContextState.Restarting => RestartAsync(),
            ContextState.Stopping => FinalizeStopAsync(),
            _ => Task.CompletedTask,
        };
    }

    private async Task RestartAsync()
    {
        DropStash();
        _actor = _props.Producer(_system);
        _state = ContextState.Alive;
        _mailbox.Resume();
        await InvokeUserAsync(Started.Instance).ConfigureAwait(false);
    }

    private async Task FinalizeStopAsync()
    {
        _system.ProcessRegistry.Remove(_self);
        _process.MarkDead();
        await InvokeLifecycleAsync(Stopped.Instance).ConfigureAwait(false);
        _state = ContextState.Stopped;
        DropStash();
        var terminated = new Terminated(_self, TerminatedReason.Stopped);
        if (_extras?.Watchers is { } watchers)
        {
            foreach (var watcher in watchers) watcher.SendSystemMessage(_system, terminated);
            watchers.Clear();
        }
        if (_extras?.Watching is { } watching)
        {
            var unwatch = new Unwatch(_self);
            foreach (var watchee in watching) watchee.SendSystemMessage(_system, unwatch);
            watching.Clear();
        }
        SupervisorPid.SendSystemMessage(_system, terminated);
        _mailbox.Resume(); // a suspended (failed) actor drains what is left to dead letters
    }

    private void StopAllChildren()
    {
        if (_extras?.Children is not { Count: > 0 } children) return;
        foreach (var child in children) child.Stop(_system);
    }

    private void HandleWatch(Watch watch)
    {
        if (_state == ContextState.Stopped)
            watch.Watcher.SendSystemMessage(_system, new Terminated(_self, TerminatedReason.Stopped));
        else
            (EnsureExtras().Watchers ??= new HashSet<PID>()).Add(watch.Watcher);
    }

    private void DropStash()
    {
        if (_extras is null) return;
        var stashed = (IEnumerable<object>?)_extras.Stash ?? Array.Empty<object>();
        if (_extras.Unstashed is { } unstashed) stashed = stashed.Concat(unstashed);
        foreach (var message in stashed.ToArray()) DeliverAfterStop(message);
        _extras.Stash = null;
        _extras.Unstashed = null;
    }
}
