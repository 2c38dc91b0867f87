using ActorTrading.Runtime.Messages;
using ActorTrading.Runtime.Supervision;

namespace ActorTrading.Runtime.Tests.Supervision;

public sealed class SupervisionTests
{
    private readonly List<string> _log = new();

    /// <summary>A parent with one failing child under <paramref name="strategy"/>; returns the child's PID.</summary>
    private (Deterministic D, PID Parent, PID Child) Spawn(ISupervisorStrategy strategy, int children = 1)
    {
        var d = new Deterministic();
        PID? first = null;
        var parent = d.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is Started)
                for (var i = 0; i < children; i++)
                {
                    var child = c.SpawnNamed(FailingActor.Props(_log, "child" + i), "child" + i);
                    first ??= child;
                }
            if (c.Message is Terminated t) _log.Add("parent saw terminated " + t.Who.Id);
            return Task.CompletedTask;
        }).WithChildSupervisorStrategy(strategy));
        d.Run();
        return (d, parent, first!);
    }

    private static Task<int> Count(Deterministic d, PID pid)
    {
        var answer = d.Root.RequestAsync<int>(pid, "count", CancellationToken.None);
        d.Run();
        return answer;
    }

    private static OneForOneStrategy OneForOne(SupervisorDirective directive, int retries = 10, TimeSpan? within = null) =>
        new((_, _) => directive, retries, within ?? TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Resume_ChildFails_KeepsStateAndSkipsFailedMessage()
    {
        var (d, _, child) = Spawn(OneForOne(SupervisorDirective.Resume));
        await Count(d, child);
        d.Root.Send(child, new Fail("x"));
        d.Run();
        Assert.Equal(2, await Count(d, child));
        Assert.DoesNotContain("child0 restarting", _log);
    }

    [Fact]
    public async Task Restart_ChildFails_NewInstanceWithFreshStateAndLifecycle()
    {
        var (d, _, child) = Spawn(OneForOne(SupervisorDirective.Restart));
        await Count(d, child);
        var before = d.Root.RequestAsync<int>(child, "instance", CancellationToken.None);
        d.Root.Send(child, new Fail("x"));
        var after = d.Root.RequestAsync<int>(child, "instance", CancellationToken.None);
        d.Run();
        Assert.NotEqual(await before, await after);
        Assert.Equal(1, await Count(d, child));
        Assert.Equal(["child0 started", "child0 restarting", "child0 started"], _log);
    }

    [Fact]
    public void Stop_ChildFails_ChildStoppedAndParentSeesTerminated()
    {
        var (d, _, child) = Spawn(OneForOne(SupervisorDirective.Stop));
        d.Root.Send(child, new Fail("x"));
        d.Run();
        Assert.Equal(["child0 started", "child0 stopping", "child0 stopped", "parent saw terminated " + child.Id], _log);
    }

    [Fact]
    public void Escalate_ChildFails_GrandparentRestartsParentWhichStopsChild()
    {
        var d = new Deterministic();
        PID? child = null;
        var parent = d.Root.Spawn(Props.FromFunc(c =>
        {
            switch (c.Message)
            {
                case Started: _log.Add("parent started"); child = c.Spawn(FailingActor.Props(_log, "child")); break;
                case Restarting: _log.Add("parent restarting"); break;
            }
            return Task.CompletedTask;
        }).WithChildSupervisorStrategy(OneForOne(SupervisorDirective.Escalate)));
        d.Run();
        var firstChild = child!;
        d.Root.Send(firstChild, new Fail("x"));
        d.Run();
        Assert.Equal(["parent started", "child started", "parent restarting", "child stopping", "child stopped", "parent started", "child started"], _log);
        Assert.NotEqual(firstChild, child);
    }

    [Fact]
    public void Restart_MoreFailuresThanRetriesWithinWindow_ChildStopped()
    {
        var (d, _, child) = Spawn(OneForOne(SupervisorDirective.Restart, retries: 2, within: TimeSpan.FromSeconds(10)));
        for (var i = 0; i < 3; i++)
        {
            d.Root.Send(child, new Fail("x"));
            d.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Equal(2, _log.Count(e => e == "child0 restarting"));
        Assert.Contains("child0 stopped", _log);
    }

    [Fact]
    public void Restart_FailuresSpreadBeyondWindow_KeepsRestarting()
    {
        var (d, _, child) = Spawn(OneForOne(SupervisorDirective.Restart, retries: 2, within: TimeSpan.FromSeconds(10)));
        for (var i = 0; i < 5; i++)
        {
            d.Root.Send(child, new Fail("x"));
            d.Advance(TimeSpan.FromSeconds(6)); // at most two failures in any 10-second window
        }
        Assert.Equal(5, _log.Count(e => e == "child0 restarting"));
        Assert.DoesNotContain("child0 stopped", _log);
    }

    [Fact]
    public void Restart_ZeroRetries_StopsAtFirstFailure()
    {
        var (d, _, child) = Spawn(OneForOne(SupervisorDirective.Restart, retries: 0));
        d.Root.Send(child, new Fail("x"));
        d.Run();
        Assert.Contains("child0 stopped", _log);
        Assert.DoesNotContain("child0 restarting", _log);
    }

    [Fact]
    public void AllForOne_OneChildFails_AllChildrenRestarted()
    {
        var (d, _, child) = Spawn(new AllForOneStrategy((_, _) => SupervisorDirective.Restart, 10, null), children: 3);
        d.Root.Send(child, new Fail("x"));
        d.Run();
        Assert.Equal(3, _log.Count(e => e.EndsWith(" restarting", StringComparison.Ordinal)));
    }

    [Fact]
    public void AllForOne_StopDirective_AllChildrenStopped()
    {
        var (d, _, child) = Spawn(new AllForOneStrategy((_, _) => SupervisorDirective.Stop, 10, null), children: 2);
        d.Root.Send(child, new Fail("x"));
        d.Run();
        Assert.Equal(2, _log.Count(e => e.EndsWith(" stopped", StringComparison.Ordinal)));
    }

    [Fact]
    public void ExponentialBackoff_RepeatedFailures_RestartDelaysDouble()
    {
        var (d, _, child) = Spawn(new ExponentialBackoffStrategy(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1)));
        d.Root.Send(child, new Fail("x"));
        d.Run();
        Assert.DoesNotContain("child0 restarting", _log);
        d.Advance(TimeSpan.FromMilliseconds(999));
        Assert.DoesNotContain("child0 restarting", _log);
        d.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Single(_log, "child0 restarting");

        d.Root.Send(child, new Fail("again"));
        d.Run();
        d.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.Single(_log, "child0 restarting");
        d.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, _log.Count(e => e == "child0 restarting"));
    }

    [Fact]
    public void ExponentialBackoff_FailureAfterQuietWindow_StartsAgainFromInitialDelay()
    {
        var strategy = new ExponentialBackoffStrategy(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
        var (d, _, child) = Spawn(strategy);
        d.Root.Send(child, new Fail("x"));
        d.Run();
        d.Advance(TimeSpan.FromSeconds(1));
        d.Advance(TimeSpan.FromMinutes(1));
        d.Root.Send(child, new Fail("y"));
        d.Run();
        d.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, _log.Count(e => e == "child0 restarting"));
        Assert.Equal(TimeSpan.FromSeconds(4), strategy.Delay(3));
    }

    [Fact]
    public async Task Restart_ActorWithChildren_ChildrenStoppedBeforeNewInstanceStarts()
    {
        var d = new Deterministic();
        var parent = d.Root.Spawn(Props.FromFunc(c =>
        {
            switch (c.Message)
            {
                case Started: _log.Add("parent started"); c.Spawn(FailingActor.Props(_log, "grandchild")); break;
                case Restarting: _log.Add("parent restarting"); break;
                case Fail f: throw new InvalidOperationException(f.Why);
                case string s when s == "children": c.Respond(c.Children.Count); break;
            }
            return Task.CompletedTask;
        }));
        d.Run();
        d.Root.Send(parent, new Fail("x"));
        d.Run();
        Assert.Equal(["parent started", "grandchild started", "parent restarting", "grandchild stopping", "grandchild stopped", "parent started", "grandchild started"], _log);
        var children = d.Root.RequestAsync<int>(parent, "children", CancellationToken.None);
        d.Run();
        Assert.Equal(1, await children);
    }

    [Fact]
    public void Guardian_ConfiguredStopStrategy_RootActorStoppedOnFailure()
    {
        var d = new Deterministic(guardian: OneForOne(SupervisorDirective.Stop));
        var root = d.Root.Spawn(FailingActor.Props(_log, "root"));
        d.Run();
        d.Root.Send(root, new Fail("x"));
        d.Run();
        Assert.Equal(["root started", "root stopping", "root stopped"], _log);
        Assert.Empty(d.System.Guardian.Children);
    }

    [Fact]
    public void Guardian_DefaultStrategy_RootActorRestarted()
    {
        var d = new Deterministic();
        var root = d.Root.Spawn(FailingActor.Props(_log, "root"));
        d.Run();
        d.Root.Send(root, new Fail("x"));
        d.Run();
        Assert.Equal(["root started", "root restarting", "root started"], _log);
    }

    [Fact]
    public void Guardian_EscalateDirective_RootActorStoppedAndEventPublished()
    {
        var d = new Deterministic(guardian: OneForOne(SupervisorDirective.Escalate));
        var escalations = new List<Runtime.Events.EscalationFailedEvent>();
        d.System.EventStream.Subscribe<Runtime.Events.EscalationFailedEvent>(escalations.Add);
        var root = d.Root.Spawn(FailingActor.Props(_log, "root"));
        d.Run();
        d.Root.Send(root, new Fail("x"));
        d.Run();
        Assert.Contains("root stopped", _log);
        Assert.Equal(root, Assert.Single(escalations).Who);
    }
}
