using ActorTrading.Runtime.Context;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Tests.Context;

/// <summary>A watcher that dies is removed from the watcher sets of the actors it watched (no leak of dead PIDs).</summary>
public sealed class WatcherPruningTests
{
    private static (PID Target, Func<int> Count) Target(Deterministic d)
    {
        var count = -1;
        var target = d.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is "count") count = ((ActorContext)c).WatcherCount;
            return Task.CompletedTask;
        }));
        return (target, () => { d.Root.Send(target, "count"); d.Run(); return count; });
    }

    [Fact]
    public void Watcher_Stops_RemovedFromTheTargetsWatchers()
    {
        var d = new Deterministic();
        var (target, count) = Target(d);
        var watchers = Enumerable.Range(0, 3)
            .Select(_ => d.Root.Spawn(Props.FromFunc(c => { if (c.Message is Started) c.Watch(target); return Task.CompletedTask; })))
            .ToList();
        d.Run();
        Assert.Equal(3, count());
        d.Root.Stop(watchers[0]);
        d.Root.Stop(watchers[1]);
        d.Run();
        Assert.Equal(1, count());
    }

    [Fact]
    public void Watcher_Unwatches_ThenStops_NothingLeftAndNoDeadLetterLoop()
    {
        var d = new Deterministic();
        var (target, count) = Target(d);
        var watcher = d.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is Started) c.Watch(target);
            if (c.Message is "forget") c.Unwatch(target);
            return Task.CompletedTask;
        }));
        d.Run();
        d.Root.Send(watcher, "forget");
        d.Run();
        Assert.Equal(0, count());
        d.Root.Stop(watcher);
        d.Run();
        Assert.Equal(0, count());
    }

    [Fact]
    public void Watcher_OfStoppedTarget_StopsLaterWithoutSendingToTheDeadTarget()
    {
        var d = new Deterministic();
        var probe = new Probe();
        var (target, _) = Target(d);
        var watcher = d.Root.Spawn(ProbeActor.Props(probe, c => { if (c.Message is Started) c.Watch(target); }));
        d.Run();
        d.Root.Stop(target);
        d.Run();
        Assert.Single(probe.Drain().OfType<Terminated>());
        var dead = new List<ActorTrading.Runtime.Events.DeadLetterEvent>();
        d.System.EventStream.Subscribe<ActorTrading.Runtime.Events.DeadLetterEvent>(dead.Add);
        d.Root.Stop(watcher);
        d.Run();
        Assert.Empty(dead);
    }
}
