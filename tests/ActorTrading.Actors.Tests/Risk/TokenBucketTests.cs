using ActorTrading.Actors.Risk;
using ActorTrading.Actors.Tests.Support;

namespace ActorTrading.Actors.Tests.Risk;

public class TokenBucketTests
{
    [Fact]
    public void TryTake_BurstThenRefillOverTime()
    {
        var time = new ManualTimeProvider();
        var bucket = new TokenBucket(time, capacity: 3, refillPerSecond: 1);
        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
        Assert.Equal(TimeSpan.FromSeconds(1), bucket.TimeUntilAvailable());
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(bucket.TryTake());
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(bucket.TryTake());
    }

    [Fact]
    public void Available_NeverExceedsCapacity()
    {
        var time = new ManualTimeProvider();
        var bucket = new TokenBucket(time, 5, 100);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(5m, bucket.Available);
    }
}
