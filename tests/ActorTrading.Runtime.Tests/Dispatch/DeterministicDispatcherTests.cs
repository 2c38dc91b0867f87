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
}
