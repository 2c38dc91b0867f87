using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Runtime.Tests.Mailbox;

public sealed class ConflatingMailboxTests
{
    private sealed record Quote(string Symbol, decimal Price);

    [Fact]
    public void Send_SameKeyQueued_LatestValueWinsInOriginalPosition()
    {
        var dispatcher = new DeterministicDispatcher();
        var system = new ActorSystem(new ActorSystemConfig { DefaultDispatcher = dispatcher });
        var seen = new List<object>();
        var props = Props.FromFunc(c =>
        {
            if (c.Message is Quote or string) seen.Add(c.Message);
            return Task.CompletedTask;
        }).WithMailbox(Mailboxes.Conflating(m => m is Quote q ? q.Symbol : null));
        var pid = system.Root.Spawn(props);
        dispatcher.RunUntilIdle();

        system.Root.Send(pid, new Quote("NSE:A", 1m));
        system.Root.Send(pid, new Quote("NSE:B", 10m));
        system.Root.Send(pid, "not conflated");
        system.Root.Send(pid, new Quote("NSE:A", 2m));
        system.Root.Send(pid, "not conflated");
        system.Root.Send(pid, new Quote("NSE:A", 3m));
        dispatcher.RunUntilIdle();

        Assert.Equal(new object[] { new Quote("NSE:A", 3m), new Quote("NSE:B", 10m), "not conflated", "not conflated" }, seen);
    }

    [Fact]
    public void Send_KeyAfterItWasDelivered_QueuedAgain()
    {
        var dispatcher = new DeterministicDispatcher();
        var system = new ActorSystem(new ActorSystemConfig { DefaultDispatcher = dispatcher });
        var seen = new List<decimal>();
        var props = Props.FromFunc(c =>
        {
            if (c.Message is Quote q) seen.Add(q.Price);
            return Task.CompletedTask;
        }).WithMailbox(Mailboxes.Conflating(m => m is Quote q ? q.Symbol : null));
        var pid = system.Root.Spawn(props);
        system.Root.Send(pid, new Quote("X", 1m));
        dispatcher.RunUntilIdle();
        system.Root.Send(pid, new Quote("X", 2m));
        dispatcher.RunUntilIdle();
        Assert.Equal([1m, 2m], seen);
    }
}
