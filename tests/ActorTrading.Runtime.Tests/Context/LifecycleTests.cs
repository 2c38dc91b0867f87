using ActorTrading.Runtime.Diagnostics;
using ActorTrading.Runtime.Events;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Tests.Context;

public sealed class LifecycleTests
{
    [Fact]
    public void Poison_QueuedMessagesBefore_ProcessedThenStopped()
    {
        var d = new Deterministic();
        var probe = new Probe();
        var pid = d.Root.Spawn(ProbeActor.Props(probe));
        d.Root.Send(pid, "a");
        d.Root.Poison(pid);
        d.Root.Send(pid, "after");
        d.Run();
        Assert.Equal(new object[] { Started.Instance, "a", Stopping.Instance, Stopped.Instance }, probe.Drain());
    }

    [Fact]
    public void Send_AfterStop_BecomesDeadLetter()
    {
        var d = new Deterministic();
        var dead = new List<DeadLetterEvent>();
        d.System.EventStream.Subscribe<DeadLetterEvent>(dead.Add);
        var pid = d.Root.Spawn(Props.FromFunc(_ => Task.CompletedTask));
        d.Run();
        d.Root.Stop(pid);
        d.Run();
        d.Root.Send(pid, "late");
        d.Run();
        Assert.Equal("late", Assert.Single(dead).Message);
        Assert.Equal(0, d.System.ProcessRegistry.Count);
    }

    [Fact]
    public async Task StopAsync_Actor_CompletesAfterStopped()
    {
        var d = new Deterministic();
        var stopped = false;
        var pid = d.Root.Spawn(Props.FromFunc(c => { if (c.Message is Stopped) stopped = true; return Task.CompletedTask; }));
        var stop = d.Root.StopAsync(pid);
        d.Run();
        await stop.Guarded();
        Assert.True(stopped);
    }

    [Fact]
    public void SpawnNamed_NameTaken_Throws()
    {
        var d = new Deterministic();
        d.Root.SpawnNamed(Props.FromFunc(_ => Task.CompletedTask), "unique");
        Assert.Throws<ProcessNameExistsException>(() => d.Root.SpawnNamed(Props.FromFunc(_ => Task.CompletedTask), "unique"));
    }

    [Fact]
    public void SpawnNamed_AfterPreviousStopped_NameReusable()
    {
        var d = new Deterministic();
        var first = d.Root.SpawnNamed(Props.FromFunc(_ => Task.CompletedTask), "reused");
        d.Root.Stop(first);
        d.Run();
        var second = d.Root.SpawnNamed(Props.FromFunc(_ => Task.CompletedTask), "reused");
        Assert.Equal(first, second);
    }

    [Fact]
    public void Spawn_ChildAndPrefix_IdsNestUnderParent()
    {
        var d = new Deterministic();
        var ids = new List<string>();
        var parent = d.Root.SpawnNamed(Props.FromFunc(c =>
        {
            if (c.Message is Started)
            {
                ids.Add(c.SpawnNamed(Props.FromFunc(_ => Task.CompletedTask), "named").Id);
                ids.Add(c.SpawnPrefix(Props.FromFunc(_ => Task.CompletedTask), "worker").Id);
                ids.Add(c.Children.Count.ToString());
                ids.Add(c.Parent?.Id ?? "no parent");
            }
            return Task.CompletedTask;
        }), "parent");
        d.Run();
        Assert.Equal("parent/named", ids[0]);
        Assert.StartsWith("parent/worker$", ids[1]);
        Assert.Equal("2", ids[2]);
        Assert.Equal("no parent", ids[3]);
    }

    [Fact]
    public void Stopping_HandlerThrows_StillStopsAndReportsEvent()
    {
        var d = new Deterministic();
        var failures = new List<LifecycleFailureEvent>();
        d.System.EventStream.Subscribe<LifecycleFailureEvent>(failures.Add);
        var pid = d.Root.Spawn(Props.FromFunc(c => c.Message is Stopping ? throw new InvalidOperationException("x") : Task.CompletedTask));
        d.Run();
        d.Root.Stop(pid);
        d.Run();
        Assert.Single(failures);
        Assert.Equal(0, d.System.ProcessRegistry.Count);
    }

    [Fact]
    public async Task ShutdownAsync_RootActorsWithChildren_AllStopped()
    {
        var system = new ActorSystem();
        var stopped = 0;
        var props = Props.FromFunc(c =>
        {
            if (c.Message is Started && c.Parent is null) c.Spawn(Props.FromFunc(cc => { if (cc.Message is Stopped) Interlocked.Increment(ref stopped); return Task.CompletedTask; }));
            if (c.Message is Stopped) Interlocked.Increment(ref stopped);
            return Task.CompletedTask;
        });
        for (var i = 0; i < 10; i++) system.Root.Spawn(props);
        await system.ShutdownAsync().Guarded();
        Assert.Equal(20, stopped);
        Assert.Equal(0, system.ProcessRegistry.Count);
    }
}
