using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Tests.Context;

public sealed class WatchTests
{
    [Fact]
    public void Watch_TargetStops_WatcherReceivesTerminatedStopped()
    {
        var d = new Deterministic();
        var probe = new Probe();
        var target = d.Root.Spawn(Props.FromFunc(_ => Task.CompletedTask));
        d.Root.Spawn(ProbeActor.Props(probe, c => { if (c.Message is Started) c.Watch(target); }));
        d.Run();
        d.Root.Stop(target);
        d.Run();
        var terminated = probe.Drain().OfType<Terminated>().Single();
        Assert.Equal(new Terminated(target, TerminatedReason.Stopped), terminated);
    }

    [Fact]
    public void Watch_TargetAlreadyDead_TerminatedNotFoundAtOnce()
    {
        var d = new Deterministic();
        var probe = new Probe();
        var target = d.Root.Spawn(Props.FromFunc(_ => Task.CompletedTask));
        d.Run();
        d.Root.Stop(target);
        d.Run();
        d.Root.Spawn(ProbeActor.Props(probe, c => { if (c.Message is Started) c.Watch(target); }));
        d.Run();
        Assert.Equal(new Terminated(target, TerminatedReason.NotFound), probe.Drain().OfType<Terminated>().Single());
    }

    [Fact]
    public void Unwatch_BeforeTargetStops_NoTerminated()
    {
        var d = new Deterministic();
        var probe = new Probe();
        var target = d.Root.Spawn(Props.FromFunc(_ => Task.CompletedTask));
        var watcher = d.Root.Spawn(ProbeActor.Props(probe, c =>
        {
            if (c.Message is Started) c.Watch(target);
            if (c.Message is "unwatch") c.Unwatch(target);
        }));
        d.Run();
        d.Root.Send(watcher, "unwatch");
        d.Run();
        d.Root.Stop(target);
        d.Run();
        Assert.Empty(probe.Drain().OfType<Terminated>());
    }

    [Fact]
    public async Task WatchAsync_FromRoot_CompletesWhenActorStops()
    {
        var d = new Deterministic();
        var target = d.Root.Spawn(Props.FromFunc(_ => Task.CompletedTask));
        d.Run();
        var watch = d.Root.WatchAsync(target);
        d.Run();
        Assert.False(watch.IsCompleted);
        d.Root.Poison(target);
        d.Run();
        Assert.Equal(target, (await watch.Guarded()).Who);
    }
}
