using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Tests.Context;

public sealed class ReceiveTimeoutTests
{
    [Fact]
    public void SetReceiveTimeout_NoMessages_ReceiveTimeoutAfterDuration()
    {
        var d = new Deterministic();
        var probe = new Probe();
        d.Root.Spawn(ProbeActor.Props(probe, c => { if (c.Message is Started) c.SetReceiveTimeout(TimeSpan.FromSeconds(5)); }));
        d.Run();
        d.Advance(TimeSpan.FromSeconds(4));
        Assert.DoesNotContain(probe.Drain(), m => m is ReceiveTimeout);
        d.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains(probe.Drain(), m => m is ReceiveTimeout);
    }

    [Fact]
    public void SetReceiveTimeout_MessagesKeepArriving_TimerReset()
    {
        var d = new Deterministic();
        var probe = new Probe();
        var pid = d.Root.Spawn(ProbeActor.Props(probe, c => { if (c.Message is Started) c.SetReceiveTimeout(TimeSpan.FromSeconds(5)); }));
        d.Run();
        for (var i = 0; i < 5; i++)
        {
            d.Advance(TimeSpan.FromSeconds(3));
            d.Root.Send(pid, "keep alive");
            d.Run();
        }
        Assert.DoesNotContain(probe.Drain(), m => m is ReceiveTimeout);
    }

    [Fact]
    public void CancelReceiveTimeout_BeforeDue_NoReceiveTimeout()
    {
        var d = new Deterministic();
        var probe = new Probe();
        var pid = d.Root.Spawn(ProbeActor.Props(probe, c =>
        {
            if (c.Message is Started) c.SetReceiveTimeout(TimeSpan.FromSeconds(5));
            if (c.Message is "cancel") c.CancelReceiveTimeout();
        }));
        d.Run();
        d.Root.Send(pid, "cancel");
        d.Run();
        d.Advance(TimeSpan.FromMinutes(1));
        Assert.DoesNotContain(probe.Drain(), m => m is ReceiveTimeout);
        Assert.Equal(0, d.Clock.ActiveTimers);
    }
}
