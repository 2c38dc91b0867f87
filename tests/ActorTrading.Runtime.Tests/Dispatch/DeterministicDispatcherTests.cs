using ActorTrading.Runtime.Dispatch;

namespace ActorTrading.Runtime.Tests.Dispatch;

public sealed class DeterministicDispatcherTests
{
    private static List<string> RunScript()
    {
        var dispatcher = new DeterministicDispatcher(throughput: 1);
        var system = new ActorSystem(new ActorSystemConfig { DefaultDispatcher = dispatcher });
        var trace = new List<string>();
        var actors = Enumerable.Range(0, 3).Select(i => system.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is int n) trace.Add($"a{i}:{n}");
            return Task.CompletedTask;
        }))).ToArray();
        for (var n = 0; n < 5; n++)
            foreach (var pid in actors) system.Root.Send(pid, n);
        dispatcher.RunUntilIdle();
        return trace;
    }

    [Fact]
    public void RunUntilIdle_SameSends_SameInterleavingEveryTime()
    {
        var first = RunScript();
        Assert.Equal(15, first.Count);
        Assert.Equal(first, RunScript());
        Assert.Equal(["a0:0", "a1:0", "a2:0", "a0:1"], first.Take(4));
    }

    [Fact]
    public void RunUntilIdle_PostCallback_SendsRunInOrderAfterWhatWasScheduledBefore()
    {
        var dispatcher = new DeterministicDispatcher();
        var system = new ActorSystem(new ActorSystemConfig { DefaultDispatcher = dispatcher });
        var trace = new List<string>();
        var a = system.Root.Spawn(Props.FromFunc(c => { if (c.Message is string m) trace.Add("a:" + m); return Task.CompletedTask; }));
        var b = system.Root.Spawn(Props.FromFunc(c => { if (c.Message is string m) trace.Add("b:" + m); return Task.CompletedTask; }));
        dispatcher.RunUntilIdle();
        system.Root.Send(a, "before");   // between runs: through the concurrent queue

        var runs = dispatcher.RunUntilIdle(static s => { s.System.Root.Send(s.B, "posted"); s.System.Root.Send(s.A, "posted"); }, (System: system, A: a, B: b));

        Assert.Equal(["a:before", "a:posted", "b:posted"], trace); // a was scheduled first: its run takes both messages
        Assert.Equal(2, runs);
        Assert.Equal(0, dispatcher.Pending);
    }

    [Fact]
    public void Send_NothingRun_NothingProcessedUntilRunOne()
    {
        var dispatcher = new DeterministicDispatcher();
        var system = new ActorSystem(new ActorSystemConfig { DefaultDispatcher = dispatcher });
        var received = 0;
        var pid = system.Root.Spawn(Props.FromFunc(c => { if (c.Message is int) received++; return Task.CompletedTask; }));
        system.Root.Send(pid, 1);
        Assert.Equal(0, received);
        Assert.Equal(1, dispatcher.Pending);
        Assert.True(dispatcher.RunOne());
        Assert.Equal(1, received);
        Assert.False(dispatcher.RunOne());
    }

    [Fact]
    public async Task Send_FromAnotherThreadBetweenRuns_RunsInSchedulingOrder()
    {
        var dispatcher = new DeterministicDispatcher();
        var system = new ActorSystem(new ActorSystemConfig { DefaultDispatcher = dispatcher });
        var trace = new List<string>();
        var b = system.Root.Spawn(Props.FromFunc(c => { if (c.Message is string m) trace.Add("b:" + m); return Task.CompletedTask; }));
        var a = system.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is string m) { trace.Add("a:" + m); c.Send(b, "from-a"); }
            return Task.CompletedTask;
        }));
        dispatcher.RunUntilIdle();
        system.Root.Send(a, "first");
        await Task.Run(() => system.Root.Send(b, "foreign")).WaitAsync(TimeSpan.FromSeconds(30));
        dispatcher.RunUntilIdle();
        Assert.Equal(["a:first", "b:foreign", "b:from-a"], trace);
        Assert.Equal(0, dispatcher.Pending);
    }

    [Fact]
    public void RunOne_WhileAnotherThreadRunsIt_Throws()
    {
        var dispatcher = new DeterministicDispatcher();
        var system = new ActorSystem(new ActorSystemConfig { DefaultDispatcher = dispatcher });
        Exception? seen = null;
        var pid = system.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is string)
                seen = Task.Run(() => Record.Exception(() => dispatcher.RunOne())).WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            return Task.CompletedTask;
        }));
        system.Root.Send(pid, "go");
        dispatcher.RunUntilIdle();
        Assert.IsType<InvalidOperationException>(seen);
    }
}
