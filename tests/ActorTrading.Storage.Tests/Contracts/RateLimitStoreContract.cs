using ActorTrading.Actors.Ports;
using ActorTrading.Storage.Tests.Infrastructure;

namespace ActorTrading.Storage.Tests.Contracts;

/// <summary>What every <see cref="IRateLimitStore"/> must do, on fake time.</summary>
public abstract class RateLimitStoreContract : IDisposable
{
    protected ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 20, 9, 15, 15, TimeSpan.Zero));

    private IRateLimitStore? _store;

    protected abstract IRateLimitStore Create(TimeProvider time);

    private IRateLimitStore Limits => _store ??= Create(Time);

    private static string NewBucket() => "broker-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task TryTakeAsync_BurstUsedUp_DeniesWithRetryAfterUntilRefilled()
    {
        var b = NewBucket();
        var policy = new RateLimitPolicy(ratePerSecond: 10, burst: 3);
        for (int i = 0; i < 3; i++) Assert.True((await Limits.TryTakeAsync(b, policy)).Allowed);

        var denied = await Limits.TryTakeAsync(b, policy);
        Assert.False(denied.Allowed);
        Assert.Equal(TimeSpan.FromMilliseconds(100), denied.RetryAfter);

        Time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True((await Limits.TryTakeAsync(b, policy)).Allowed);
        Assert.False((await Limits.TryTakeAsync(b, policy)).Allowed);
    }

    [Fact]
    public async Task TryTakeAsync_PerMinuteCapReached_DeniesUntilNextMinute()
    {
        var b = NewBucket();
        var policy = new RateLimitPolicy(ratePerSecond: 100, burst: 100, perMinuteCap: 5);
        for (int i = 0; i < 5; i++) Assert.True((await Limits.TryTakeAsync(b, policy)).Allowed);

        var denied = await Limits.TryTakeAsync(b, policy);
        Assert.False(denied.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(45), denied.RetryAfter);   // 09:15:15 -> 09:16:00

        Time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(TimeSpan.FromSeconds(30), (await Limits.TryTakeAsync(b, policy)).RetryAfter);
        Time.Advance(TimeSpan.FromSeconds(30));
        Assert.True((await Limits.TryTakeAsync(b, policy)).Allowed);
    }

    [Fact]
    public async Task TryTakeAsync_DifferentKeys_AreIndependent()
    {
        var policy = new RateLimitPolicy(1, 1);
        string b1 = NewBucket(), b2 = NewBucket();
        Assert.True((await Limits.TryTakeAsync(b1, policy)).Allowed);
        Assert.False((await Limits.TryTakeAsync(b1, policy)).Allowed);
        Assert.True((await Limits.TryTakeAsync(b2, policy)).Allowed);
    }

    [Fact]
    public async Task TryTakeAsync_MoreTokensThanBurst_NeverAllowed()
    {
        var d = await Limits.TryTakeAsync(NewBucket(), new RateLimitPolicy(10, 2), tokens: 3);
        Assert.False(d.Allowed);
        Assert.Equal(TimeSpan.MaxValue, d.RetryAfter);
    }

    [Fact]
    public void RateLimitPolicy_InvalidValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimitPolicy(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimitPolicy(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimitPolicy(1, 1, -1));
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);
}
