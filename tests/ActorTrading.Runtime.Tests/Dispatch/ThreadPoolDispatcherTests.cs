using ActorTrading.Runtime.Dispatch;

namespace ActorTrading.Runtime.Tests.Dispatch;

public sealed class ThreadPoolDispatcherTests
{
    [Fact]
    public async Task NextRunSlot_EndlessChainBetweenTwoActors_OtherActorsStillServed()
    {
        // A pair that bounces a message for ever keeps one pool thread in its chain; the chain
        // yields to the pool's queue after its quantum, so a third actor is still served.
        var system = new ActorSystem(new ActorSystemConfig { DefaultDispatcher = new ThreadPoolDispatcher(chainQuantumMs: 1) });
        using var stop = new CancellationTokenSource();
        PID? a = null;
        var b = system.Root.Spawn(Props.FromFunc(c => { if (!stop.IsCancellationRequested && c.Message is int n) c.Send(a!, n + 1); return Task.CompletedTask; }));
        a = system.Root.Spawn(Props.FromFunc(c => { if (!stop.IsCancellationRequested && c.Message is int n) c.Send(b, n + 1); return Task.CompletedTask; }));
        system.Root.Send(a, 0);
        var served = Signals.NewSignal();
        var third = system.Root.Spawn(Props.FromFunc(c => { if (c.Message is "ping") served.TrySetResult(); return Task.CompletedTask; }));
        for (var i = 0; i < 10; i++) system.Root.Send(third, "ping");
        await served.Task.Guarded();
        stop.Cancel();
    }

    [Fact]
    public void Ctor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThreadPoolDispatcher(throughput: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThreadPoolDispatcher(chainQuantumMs: 0));
    }
}
