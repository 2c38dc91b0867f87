using ActorTrading.Runtime.Cluster;
using ClusterNode = ActorTrading.Runtime.Cluster.Cluster;

namespace ActorTrading.Runtime.Tests.Cluster;

public sealed class ClusterTests
{
    private readonly List<string> _log = new();

    private (Deterministic D, ClusterNode Cluster) Start(TimeSpan? idle = null)
    {
        var d = new Deterministic();
        var kind = new ClusterKind("counter", Props.FromProducer(() => new CounterGrain(_log)));
        if (idle is { } timeout) kind = kind.WithIdleTimeout(timeout);
        var cluster = new ClusterNode(d.System, new ClusterConfig("node-1", kind));
        cluster.StartAsync().GetAwaiter().GetResult();
        return (d, cluster);
    }

    private static async Task<T> Ask<T>(Deterministic d, ClusterNode cluster, ClusterIdentity id, object message)
    {
        var answer = cluster.RequestAsync<T>(id, message, CancellationToken.None);
        d.Run();
        return await answer.Guarded();
    }

    [Fact]
    public async Task Send_FirstMessage_ActivatesWithIdentityInContext()
    {
        var (d, cluster) = Start();
        var id = new ClusterIdentity("counter", "A-1");
        cluster.Send(id, "add");
        cluster.Send(id, "add");
        Assert.Equal(2, await Ask<int>(d, cluster, id, "count"));
        Assert.StartsWith("counter/A-1#", await Ask<string>(d, cluster, id, "who"));
        Assert.Equal(["activated counter/A-1"], _log);
        Assert.Equal(1, cluster.ActivationCount);
    }

    [Fact]
    public async Task Send_DifferentIdentities_SeparateActivations()
    {
        var (d, cluster) = Start();
        cluster.Send(new("counter", "A"), "add");
        cluster.Send(new("counter", "B"), "add");
        cluster.Send(new("counter", "B"), "add");
        Assert.Equal(1, await Ask<int>(d, cluster, new("counter", "A"), "count"));
        Assert.Equal(2, await Ask<int>(d, cluster, new("counter", "B"), "count"));
        Assert.Equal(2, cluster.ActivationCount);
    }

    [Fact]
    public async Task Idle_PastTimeout_PassivatesThenNextMessageReactivatesSameIdentity()
    {
        var (d, cluster) = Start(idle: TimeSpan.FromMinutes(5));
        var id = new ClusterIdentity("counter", "A-1");
        var first = await Ask<string>(d, cluster, id, "who");
        d.Advance(TimeSpan.FromMinutes(4));
        cluster.Send(id, "add");
        d.Run();
        d.Advance(TimeSpan.FromMinutes(4)); // idle 4 minutes since the last message: still active
        Assert.Equal(1, cluster.ActivationCount);
        d.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, cluster.ActivationCount);
        Assert.Equal(["activated counter/A-1", "passivated counter/A-1"], _log);

        var second = await Ask<string>(d, cluster, id, "who");
        Assert.StartsWith("counter/A-1#", second);
        Assert.NotEqual(first, second);
        Assert.Equal(0, await Ask<int>(d, cluster, id, "count")); // state is the new activation's (journal recovery is the kind's job)
    }

    [Fact]
    public async Task Send_WhileOldActivationStillStopping_NewActivationWaitsAndKeepsOrder()
    {
        var (d, cluster) = Start(idle: TimeSpan.FromSeconds(1));
        var id = new ClusterIdentity("counter", "A-1");
        cluster.Send(id, "add");
        d.Run();
        d.Clock.Advance(TimeSpan.FromSeconds(1)); // the passivation tick is queued but not run yet
        d.Dispatcher.RunOne(); // runs the tick: the gate closes and the actor stops
        for (var i = 0; i < 3; i++) cluster.Send(id, "add");
        d.Run();
        Assert.Equal(3, await Ask<int>(d, cluster, id, "count"));
        Assert.Equal(["activated counter/A-1", "passivated counter/A-1", "activated counter/A-1"], _log);
    }

    [Fact]
    public async Task Send_WhileOldActivationWaitsForItsChildren_NextActivationSpawnsInItsLastTurn()
    {
        var d = new Deterministic();
        var kind = new ClusterKind("parent", Props.FromFunc(c =>
        {
            if (c.Message is Messages.Started) { lock (_log) _log.Add("activated " + c.Self.Id); c.Spawn(Props.FromFunc(_ => Task.CompletedTask)); }
            if (c.Message is Messages.Stopped) lock (_log) _log.Add("passivated " + c.Self.Id);
            return Task.CompletedTask;
        })).WithIdleTimeout(TimeSpan.FromSeconds(1));
        var cluster = new ClusterNode(d.System, new ClusterConfig("node-1", kind));
        await cluster.StartAsync();
        var id = new ClusterIdentity("parent", "P");
        cluster.Send(id, "hello");
        d.Run();
        d.Clock.Advance(TimeSpan.FromSeconds(1));
        d.Dispatcher.RunOne();                  // the passivation tick: the gate closes; the stop waits for the child
        Assert.DoesNotContain(_log, l => l.StartsWith("passivated", StringComparison.Ordinal));
        cluster.Send(id, "hello");              // needs the next activation, which may start only once this one terminated
        while (!_log.Exists(l => l.StartsWith("passivated", StringComparison.Ordinal))) Assert.True(d.Dispatcher.RunOne());
        Assert.NotNull(cluster.TryGetActivePid(id));   // spawned in the old activation's last turn, not on the thread pool
        d.Run();
        Assert.Equal(2, _log.Count(l => l.StartsWith("activated", StringComparison.Ordinal)));
        Assert.Equal(0, d.Dispatcher.Pending);
    }

    [Fact]
    public async Task Send_ConcurrentWithRepeatedPassivation_NoMessageLostOrDuplicated()
    {
        const int senders = 2, perSender = 20_000;
        const int rounds = 200, burst = perSender / rounds;

        var clock = new ActorTrading.Runtime.Timing.ManualTimeProvider();
        var system = new ActorSystem(new ActorSystemConfig { TimeProvider = clock });
        var next = new int[senders];
        var received = 0;
        var passivations = 0;
        var done = Signals.NewSignal();
        using var roundReceived = new SemaphoreSlim(0);
        using var stopped = new SemaphoreSlim(0);
        var kind = new ClusterKind("sink", Props.FromFunc(c =>
        {
            if (c.Message is Numbered n)
            {
                if (next[n.Sender] != n.Sequence) done.TrySetException(new Exception($"sender {n.Sender}: {n.Sequence} after {next[n.Sender]}"));
                next[n.Sender]++;
                var count = Interlocked.Increment(ref received);
                if (count % (senders * burst) == 0) roundReceived.Release();
                if (count == senders * perSender) done.TrySetResult();
            }
            if (c.Message is Messages.Stopped)
            {
                Interlocked.Increment(ref passivations);
                stopped.Release();
            }
            return Task.CompletedTask;
        })).WithIdleTimeout(TimeSpan.FromMilliseconds(1));
        var cluster = new ClusterNode(system, new ClusterConfig("node-1", kind));
        await cluster.StartAsync();
        var id = new ClusterIdentity("sink", "s");
        for (var round = 0; round < rounds; round++)
        {
            // two senders race with idle checks that fire while the previous burst drains
            var sending = Enumerable.Range(0, senders).Select(s => Task.Run(() =>
            {
                for (var i = round * burst; i < (round + 1) * burst; i++) cluster.Send(id, new Numbered(s, i));
            })).ToArray();
            for (var t = 0; t < 3; t++)
            {
                clock.Advance(TimeSpan.FromMilliseconds(1));
                await Task.Yield();
            }
            await Task.WhenAll(sending).Guarded();
            // then one passivation for sure (on a loaded machine the checks above may all find messages waiting): the
            // round's messages are in, so an idle check finds the sink idle; the next round re-activates it. The clock
            // moves until it does: a check already queued may re-arm itself just after a move, for the next one.
            await roundReceived.WaitAsync().Guarded();
            var moves = 0;
            do clock.Advance(TimeSpan.FromMilliseconds(1));
            while (!await stopped.WaitAsync(TimeSpan.FromMilliseconds(50)) && ++moves < 600);
            Assert.True(moves < 600, $"round {round}: the idle sink never passivated");
        }
        await done.Task.Guarded();
        Assert.Equal(senders * perSender, received);
        Assert.All(next, n => Assert.Equal(perSender, n));
        Assert.True(passivations >= rounds, "passivations " + passivations);
    }

    [Fact]
    public void Send_UnknownKind_Throws()
    {
        var (_, cluster) = Start();
        Assert.Throws<ArgumentException>(() => cluster.Send(new ClusterIdentity("nope", "1"), "x"));
    }

    [Fact]
    public async Task Send_IdentityPlacedOnOtherMember_ThrowsWithoutRemote()
    {
        var provider = new InProcessMembershipProvider();
        var systemA = new ActorSystem(new ActorSystemConfig { Address = "a" });
        var systemB = new ActorSystem(new ActorSystemConfig { Address = "b" });
        var kind = new ClusterKind("counter", Props.FromProducer(() => new CounterGrain(_log)));
        var a = new ClusterNode(systemA, new ClusterConfig("a", kind) { MembershipProvider = provider });
        var b = new ClusterNode(systemB, new ClusterConfig("b", kind) { MembershipProvider = provider });
        await a.StartAsync();
        await b.StartAsync();
        Assert.Equal(2, a.MemberList.Members.Count);
        var remote = Enumerable.Range(0, 100).Select(i => new ClusterIdentity("counter", "id" + i))
            .First(id => RendezvousPlacementStrategy.Instance.Place(id, a.MemberList.Members).Id == "b");
        Assert.Throws<InvalidOperationException>(() => a.Send(remote, "add"));
        b.Send(remote, "add");
        await b.ShutdownAsync();
        Assert.Single(a.MemberList.Members);
    }

    [Fact]
    public async Task RequestAsync_Timeout_ThrowsTimeout()
    {
        var (d, cluster) = Start();
        var answer = cluster.RequestAsync<int>(new("counter", "A"), "unanswered", TimeSpan.FromSeconds(1));
        d.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<TimeoutException>(() => answer.Guarded());
    }

    [Fact]
    public async Task RequestAsync_ProducerThrows_FailsAtOnceAndReportsEvent()
    {
        var d = new Deterministic();
        var attempts = 0;
        var kind = new ClusterKind("broken", Props.FromProducer(() => ++attempts == 1 ? throw new InvalidOperationException("no") : new CounterGrain(_log)));
        var cluster = new ClusterNode(d.System, new ClusterConfig("node-1", kind));
        await cluster.StartAsync();
        var failures = new List<Runtime.Events.ActivationFailedEvent>();
        d.System.EventStream.Subscribe<Runtime.Events.ActivationFailedEvent>(failures.Add);
        var id = new ClusterIdentity("broken", "x");
        var first = cluster.RequestAsync<int>(id, "count", CancellationToken.None);
        d.Run();
        await Assert.ThrowsAsync<Runtime.Future.DeadLetterException>(() => first.Guarded());
        Assert.Equal(id, Assert.Single(failures).Identity);
        Assert.Equal(0, await Ask<int>(d, cluster, id, "count")); // the next message activates again
    }
}
