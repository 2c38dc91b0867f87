using ActorTrading.Runtime.Timing;

namespace ActorTrading.Runtime.Tests.Timing;

public sealed class ManualTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Advance_MovesUtcNowAndTimestamp()
    {
        var clock = new ManualTimeProvider(Start);
        var before = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromMilliseconds(1500));
        Assert.Equal(Start.AddMilliseconds(1500), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromMilliseconds(1500), clock.GetElapsedTime(before));
    }

    [Fact]
    public void Advance_PastSeveralTimers_FireInDueOrderAtTheirOwnTime()
    {
        var clock = new ManualTimeProvider(Start);
        var fired = new List<(string, DateTimeOffset)>();
        clock.CreateTimer(_ => fired.Add(("b", clock.GetUtcNow())), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        clock.CreateTimer(_ => fired.Add(("a", clock.GetUtcNow())), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        clock.CreateTimer(_ => fired.Add(("c", clock.GetUtcNow())), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([("a", Start.AddSeconds(1)), ("b", Start.AddSeconds(2)), ("c", Start.AddSeconds(2))], fired);
        Assert.Equal(Start.AddSeconds(10), clock.GetUtcNow());
    }

    [Fact]
    public void Advance_PeriodicTimer_FiresEachPeriod()
    {
        var clock = new ManualTimeProvider(Start);
        var count = 0;
        using var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(5, count);
    }

    [Fact]
    public void Dispose_BeforeDue_NeverFires()
    {
        var clock = new ManualTimeProvider(Start);
        var fired = false;
        var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(fired);
        Assert.False(timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void Change_Reschedules()
    {
        var clock = new ManualTimeProvider(Start);
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        timer.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, fired);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, fired);
    }

    [Fact]
    public void CreateTimer_ZeroDue_FiresAtOnce()
    {
        var clock = new ManualTimeProvider(Start);
        var fired = false;
        clock.CreateTimer(_ => fired = true, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        Assert.True(fired);
    }

    [Fact]
    public void TimerCallback_CreatesAnotherDueWithinAdvance_ItFiresToo()
    {
        var clock = new ManualTimeProvider(Start);
        var fired = new List<DateTimeOffset>();
        clock.CreateTimer(_ =>
        {
            fired.Add(clock.GetUtcNow());
            clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal([Start.AddSeconds(1), Start.AddSeconds(2)], fired);
    }

    [Fact]
    public void SetUtcNow_Backwards_Throws()
    {
        var clock = new ManualTimeProvider(Start);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetUtcNow(Start.AddSeconds(-1)));
        clock.SetUtcNow(Start.AddDays(1));
        Assert.Equal(Start.AddDays(1), clock.GetUtcNow());
    }

    [Fact]
    public async Task TaskDelay_OnManualClock_CompletesOnAdvance()
    {
        var clock = new ManualTimeProvider(Start);
        var delay = Task.Delay(TimeSpan.FromSeconds(3), clock);
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(3));
        await delay.Guarded();
    }

    [Fact]
    public void SetUtcNow_ManyMovesThenTimerCreated_FiresOnlyAtItsDueTime()
    {
        var start = new DateTimeOffset(2026, 1, 5, 9, 15, 0, TimeSpan.Zero);
        var clock = new ManualTimeProvider(start);
        for (var i = 1; i <= 100; i++) clock.SetUtcNow(start.AddMilliseconds(100 * i));
        var fired = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        clock.SetUtcNow(start.AddSeconds(10.5));
        Assert.Empty(fired);
        clock.SetUtcNow(start.AddSeconds(11));
        Assert.Equal([start.AddSeconds(11)], fired);
        Assert.Equal(start.AddSeconds(11), clock.GetUtcNow());
    }
}
