namespace ActorTrading.Runtime.Tests.Timing;

public sealed class SchedulerTests
{
    [Fact]
    public void ScheduleOnce_AfterDelay_DeliveredOnce()
    {
        var d = new Deterministic();
        var probe = new Probe();
        var pid = d.Root.Spawn(ProbeActor.Props(probe));
        d.Run();
        probe.Drain();
        d.System.Scheduler.ScheduleOnce(TimeSpan.FromSeconds(2), pid, "tick");
        d.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(probe.Drain());
        d.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(["tick"], probe.Drain());
    }

    [Fact]
    public void ScheduleRepeatedly_UntilCancelled_DeliveredEachInterval()
    {
        var d = new Deterministic();
        var probe = new Probe();
        var pid = d.Root.Spawn(ProbeActor.Props(probe));
        d.Run();
        probe.Drain();
        var scheduled = d.System.Scheduler.ScheduleRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), pid, "tick");
        d.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(3, probe.Drain().Count);
        scheduled.Cancel();
        d.Advance(TimeSpan.FromSeconds(3));
        Assert.Empty(probe.Drain());
        Assert.True(scheduled.IsCancelled);
        Assert.Equal(0, d.Clock.ActiveTimers);
    }

    [Fact]
    public void ScheduleOnce_CancelledBeforeDue_NotDelivered()
    {
        var d = new Deterministic();
        var probe = new Probe();
        var pid = d.Root.Spawn(ProbeActor.Props(probe));
        d.Run();
        probe.Drain();
        using (d.System.Scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), pid, "tick")) { }
        d.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(probe.Drain());
    }
}
