using ActorTrading.Runtime.Events;
using ActorTrading.Runtime.Mailbox;
using ActorTrading.Runtime.Messages;
using ActorTrading.Runtime.Supervision;

namespace ActorTrading.Runtime.Context;

internal sealed partial class ActorContext : IMessageInvoker
{
    /// <summary>The hot path: one call of the actor, synchronous completion checked without awaiting.</summary>
    public Task InvokeUserMessageAsync(object message)
    {
        if (_state == ContextState.Stopped)
        {
            DeliverAfterStop(message);
            return Task.CompletedTask;
        }
        if (_extras is { ReceiveTimer: not null } extras && MessageEnvelope.UnwrapMessage(message) is not INotInfluenceReceiveTimeout)
            extras.ReceiveTimer.Change(extras.ReceiveTimeout, Timeout.InfiniteTimeSpan);
        if (message is PoisonPill) return HandleStopAsync();

        _message = message;
        Task task;
        try
        {
            task = _actor.ReceiveAsync(this);
        }
        catch (Exception e)
        {
            _message = null;
            return Task.FromException(e);
        }
        if (task.IsCompletedSuccessfully && _extras is not { HasUnstashed: true })
        {
            _message = null;
            return Task.CompletedTask;
        }
        return CompleteAsync(task);

        async Task CompleteAsync(Task pending)
        {
            await pending.ConfigureAwait(false);
            _message = null;
            await ReplayUnstashedAsync().ConfigureAwait(false);
        }
    }

    public Task InvokeSystemMessageAsync(object message)
    {
        try
        {
            switch (message)
            {
                case Started: return InvokeUserAsync(Started.Instance);
                case Messages.Stop: return HandleStopAsync();
                case Terminated terminated: return HandleTerminatedAsync(terminated);
                case Watch watch: HandleWatch(watch); break;
                case Unwatch unwatch: _extras?.Watchers?.Remove(unwatch.Watcher); break;
                case Failure failure: HandleChildFailure(failure); break;
                case Restart restart: return HandleRestartAsync(restart);
                case SuspendMailbox: _mailbox.Suspend(); break;
                case ResumeMailbox: _mailbox.Resume(); break;
                case Continuation continuation: return HandleContinuationAsync(continuation);
                default: _system.EventStream.Publish(new DeadLetterEvent(_self, message, null)); break;
            }
            return Task.CompletedTask;
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }

    /// <summary>This actor failed (or its strategy escalates a child's failure): suspend it and tell its supervisor.</summary>
    public void EscalateFailure(Exception reason, object? message)
    {
        var statistics = EnsureExtras().RestartStatistics ??= new RestartStatistics();
        _mailbox.Suspend();
        var payload = message is null ? null : MessageEnvelope.UnwrapMessage(message);
        SupervisorPid.SendSystemMessage(_system, new Failure(_self, reason, statistics, payload));
    }

    public void MessageDropped(object message, OverflowPolicy policy)
    {
        var (payload, sender) = MessageEnvelope.Unwrap(message);
        _system.Metrics.Dropped();
        _system.EventStream.Publish(new MessageDroppedEvent(_self, payload, sender, policy));
        sender?.SendUserMessage(_system, new MessageRejected(_self, payload));
    }

    public void MessagesProcessed(int count) => _system.Metrics.Processed(count);

    private async Task InvokeUserAsync(object message)
    {
        _message = message;
        try
        {
            await _actor.ReceiveAsync(this).ConfigureAwait(false);
        }
        finally
        {
            _message = null;
        }
    }

    /// <summary>Stopping, Stopped, Restarting: a throwing handler is reported, and the lifecycle goes on.</summary>
    private async Task InvokeLifecycleAsync(object message)
    {
        try
        {
            await InvokeUserAsync(message).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _system.EventStream.Publish(new LifecycleFailureEvent(_self, e, message));
        }
    }

    private void DeliverAfterStop(object message)
    {
        if (message is PoisonPill) return;
        if (_extras?.Activation is { } activation) activation.Reroute(message);
        else _system.DeadLetter.SendUserMessage(_self, message);
    }
}
