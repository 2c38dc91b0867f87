using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Events;
using ActorTrading.Runtime.Future;
using ActorTrading.Runtime.Mailbox;
using ActorTrading.Runtime.Tests.TestKit;

namespace ActorTrading.Runtime.Tests.Mailbox;

public sealed class BoundedMailboxTests
{
    private static (ActorSystem System, DeterministicDispatcher Dispatcher, PID Pid, List<object> Received) Spawn(OverflowPolicy policy, int capacity = 2)
    {
        var dispatcher = new DeterministicDispatcher();
        var system = new ActorSystem(new ActorSystemConfig { DefaultDispatcher = dispatcher });
        var received = new List<object>();
        var props = Props.FromFunc(c =>
        {
            if (c.Message is string or Ask) received.Add(c.Message);
            if (c.Message is Ask ask) c.Respond(new Answer(ask.Text));
            return Task.CompletedTask;
        }).WithMailbox(Mailboxes.Bounded(capacity, policy));
        var pid = system.Root.Spawn(props);
        dispatcher.RunUntilIdle();
        return (system, dispatcher, pid, received);
    }

    [Fact]
    public void TrySend_DropNewestWhenFull_DropsArrivingMessage()
    {
        var (system, dispatcher, pid, received) = Spawn(OverflowPolicy.DropNewest);
        var dropped = new List<MessageDroppedEvent>();
        system.EventStream.Subscribe<MessageDroppedEvent>(dropped.Add);
        Assert.True(system.Root.TrySend(pid, "a"));
        Assert.True(system.Root.TrySend(pid, "b"));
        Assert.False(system.Root.TrySend(pid, "c"));
        dispatcher.RunUntilIdle();
        Assert.Equal(["a", "b"], received);
        Assert.Equal("c", Assert.Single(dropped).Message);
    }

    [Fact]
    public void TrySend_DropOldestWhenFull_EvictsOldestAndAccepts()
    {
        var (system, dispatcher, pid, received) = Spawn(OverflowPolicy.DropOldest);
        var dropped = new List<MessageDroppedEvent>();
        system.EventStream.Subscribe<MessageDroppedEvent>(dropped.Add);
        Assert.True(system.Root.TrySend(pid, "a"));
        Assert.True(system.Root.TrySend(pid, "b"));
        Assert.True(system.Root.TrySend(pid, "c"));
        dispatcher.RunUntilIdle();
        Assert.Equal(["b", "c"], received);
        Assert.Equal("a", Assert.Single(dropped).Message);
    }

    [Fact]
    public void TrySend_RejectWhenFull_ReturnsFalse()
    {
        var (system, dispatcher, pid, received) = Spawn(OverflowPolicy.Reject);
        Assert.True(system.Root.TrySend(pid, "a"));
        Assert.True(system.Root.TrySend(pid, "b"));
        Assert.False(system.Root.TrySend(pid, "c"));
        dispatcher.RunUntilIdle();
        Assert.Equal(["a", "b"], received);
    }

    [Fact]
    public async Task RequestAsync_RejectWhenFull_ThrowsMessageRejectedAtOnce()
    {
        var (system, dispatcher, pid, _) = Spawn(OverflowPolicy.Reject);
        system.Root.Send(pid, "a");
        system.Root.Send(pid, "b");
        var request = system.Root.RequestAsync<Answer>(pid, new Ask("q"), CancellationToken.None);
        Assert.True(request.IsCompleted);
        var error = await Assert.ThrowsAsync<MessageRejectedException>(() => request);
        Assert.Equal(pid, error.Target);
        dispatcher.RunUntilIdle();
    }

    [Fact]
    public async Task RequestAsync_EvictedByDropOldest_ThrowsMessageRejected()
    {
        var (system, dispatcher, pid, received) = Spawn(OverflowPolicy.DropOldest, capacity: 1);
        var request = system.Root.RequestAsync<Answer>(pid, new Ask("q"), CancellationToken.None);
        system.Root.Send(pid, "newer");
        await Assert.ThrowsAsync<MessageRejectedException>(() => request);
        dispatcher.RunUntilIdle();
        Assert.Equal(["newer"], received);
    }

    [Fact]
    public async Task RequestAsync_RoomAvailable_Answered()
    {
        var (system, dispatcher, pid, _) = Spawn(OverflowPolicy.Reject);
        var request = system.Root.RequestAsync<Answer>(pid, new Ask("q"), CancellationToken.None);
        dispatcher.RunUntilIdle();
        Assert.Equal("q", (await request).Text);
    }
}
