using ActorTrading.Runtime.Context;
using ActorTrading.Runtime.Messages;
using ActorTrading.Runtime.Timing;

namespace ActorTrading.Runtime.Cluster;

/// <summary>
/// Wraps the kind's actor in an activation: tracks the time of the last message, checks for
/// idleness on the system clock, passivates through the <see cref="Activation"/> gate, and
/// reports termination. Everything else goes to the inner actor unchanged.
/// </summary>
internal sealed class ClusterActor(IActor inner, Activation activation, TimeSpan? idleTimeout) : IActor
{
    private long _lastActivity;
    private ScheduledMessage? _tick;

    public Task ReceiveAsync(IContext context)
    {
        var time = context.System.TimeProvider;
        switch (context.Message)
        {
            case PassivationTick:
                OnTick(context, time);
                return Task.CompletedTask;
            case Started:
                _lastActivity = time.GetTimestamp();
                if (idleTimeout is { } idle) ScheduleTick(context, idle);
                break;
            case Restarting:
                _tick?.Cancel();
                break;
            case Stopping:
                _tick?.Cancel();
                activation.Close();
                break;
            case Stopped:
                return StoppedAsync(context);
            default:
                _lastActivity = time.GetTimestamp();
                break;
        }
        return inner.ReceiveAsync(context);
    }

    private async Task StoppedAsync(IContext context)
    {
        try
        {
            await inner.ReceiveAsync(context).ConfigureAwait(false);
        }
        finally
        {
            activation.MarkTerminated();
        }
    }

    private void OnTick(IContext context, TimeProvider time)
    {
        var idle = idleTimeout!.Value;
        var idleFor = time.GetElapsedTime(_lastActivity);
        if (idleFor < idle)
        {
            ScheduleTick(context, idle - idleFor);
            return;
        }
        var actor = (ActorContext)context;
        if (actor.MailboxCount == 0 && activation.TryPassivate(() => actor.MailboxCount == 0))
        {
            context.Stop(context.Self);
            return;
        }
        ScheduleTick(context, idle);
    }

    private void ScheduleTick(IContext context, TimeSpan after) =>
        _tick = context.System.Scheduler.ScheduleOnce(after, context.Self, PassivationTick.Instance);
}
