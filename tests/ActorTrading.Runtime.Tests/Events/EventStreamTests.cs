using ActorTrading.Runtime.Events;
using ActorTrading.Runtime.Timing;

namespace ActorTrading.Runtime.Tests.Events;

public sealed class EventStreamTests
{
    private sealed record OrderFilled(string Id);

    [Fact]
    public void Publish_SubscribersOfMatchingType_OnlyThoseReceive()
    {
        var stream = new EventStream();
        var strings = new List<string>();
        var fills = new List<OrderFilled>();
        var everything = new List<object>();
        stream.Subscribe<string>(strings.Add);
        stream.Subscribe<OrderFilled>(fills.Add);
        stream.Subscribe<object>(everything.Add);
        stream.Publish("hello");
        stream.Publish(new OrderFilled("1"));
        Assert.Equal(["hello"], strings);
        Assert.Equal([new OrderFilled("1")], fills);
        Assert.Equal(2, everything.Count);
    }

    [Fact]
    public void Dispose_Subscription_NoMoreDeliveries()
    {
        var stream = new EventStream();
        var received = 0;
        var subscription = stream.Subscribe<int>(_ => received++);
        stream.Publish(1);
        subscription.Dispose();
        stream.Publish(2);
        Assert.Equal(1, received);
        Assert.Equal(0, stream.SubscriberCount);
    }

    [Fact]
    public void Publish_HandlerThrows_OthersStillReceive()
    {
        var stream = new EventStream();
        var received = 0;
        stream.Subscribe<int>(_ => throw new InvalidOperationException());
        stream.Subscribe<int>(_ => received++);
        stream.Publish(1);
        Assert.Equal(1, received);
    }

    [Fact]
    public void Subscribe_ToPid_ActorReceivesEvents()
    {
        var d = new Deterministic();
        var probe = new Probe();
        var pid = d.Root.Spawn(ProbeActor.Props(probe));
        d.System.EventStream.Subscribe<OrderFilled>(d.System, pid);
        d.System.EventStream.Publish(new OrderFilled("7"));
        d.Run();
        Assert.Contains(new OrderFilled("7"), probe.Drain());
    }

    [Fact]
    public void DeadLetterLog_Storm_ThrottledWithSummary()
    {
        var clock = new ManualTimeProvider();
        var lines = new List<string>();
        var log = new DeadLetterLog(lines.Add, clock, maxPerPeriod: 3, period: TimeSpan.FromSeconds(1));
        var pid = new PID("nonhost", "gone");
        for (var i = 0; i < 10; i++) log.Write(new DeadLetterEvent(pid, "m", null));
        Assert.Equal(3, lines.Count);
        clock.Advance(TimeSpan.FromSeconds(1));
        log.Write(new DeadLetterEvent(pid, "m", null));
        Assert.Equal(5, lines.Count);
        Assert.Contains("7 more suppressed", lines[3]);
    }

    [Fact]
    public void ActorSystem_DeadLetterLogConfigured_WritesDeadLetters()
    {
        var lines = new List<string>();
        var system = new ActorSystem(new ActorSystemConfig { DeadLetterLog = lines.Add });
        system.Root.Send(new PID(system.Address, "missing"), "hello");
        Assert.Contains("dead letter: String to nonhost/missing", Assert.Single(lines));
    }
}
