using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Support;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Brokers;

public class GatewayTests
{
    private readonly ManualTimeProvider _time = new(TestData.MarketOpen);
    private static int _n;

    private GatewayCommand New() => GatewayCommand.New(new BrokerOrder
    {
        ClientOrderId = new ClientOrderId("g-" + Interlocked.Increment(ref _n)), Symbol = TestData.Tcs, Side = Side.Buy, Type = OrderType.Market, Quantity = 1,
    }, _time.GetUtcNow());

    private GatewayCommand Cancel(string id) => GatewayCommand.Cancel(new ClientOrderId(id), "B" + id, _time.GetUtcNow());
    private GatewayCommand Modify(string id) => GatewayCommand.Modify(new ClientOrderId(id), "B" + id, new OrderModification(Quantity: 2), _time.GetUtcNow());

    [Fact]
    public void Scheduler_TenTimesOfferedLoad_NeverExceedsLimitInAnySlidingWindow()
    {
        var scheduler = new GatewayScheduler(new GatewayQueue(100_000), new OrderRateLimiter(_time, perSecond: 10, perMinute: 200), new CircuitBreaker(_time));
        var sent = new List<DateTimeOffset>();
        // offer 100 orders/s (10x the limit) for 90 s, in 10 ms steps with 1 order per step
        for (var step = 0; step < 9000; step++)
        {
            Assert.True(scheduler.TryEnqueue(New(), out _));
            while (scheduler.TryNext(out _, out _)) { sent.Add(_time.GetUtcNow()); scheduler.Breaker.RecordSuccess(); }
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }
        AssertMaxInAnyWindow(sent, TimeSpan.FromSeconds(1), 10);
        AssertMaxInAnyWindow(sent, TimeSpan.FromMinutes(1), 200);
        Assert.True(sent.Count >= 200 + 20, $"throughput too low: {sent.Count}"); // the limit is also reached, not just respected
    }

    private static void AssertMaxInAnyWindow(List<DateTimeOffset> times, TimeSpan window, int max)
    {
        var start = 0;
        for (var end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] >= window) start++;
            Assert.True(end - start + 1 <= max, $"{end - start + 1} sends within {window} ending at {times[end]:O} (max {max})");
        }
    }

    [Fact]
    public void SlidingWindow_WaitReportsExactTimeUntilOldestLeaves()
    {
        var limiter = new SlidingWindowRateLimiter(_time, 2, TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire());
        _time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.True(limiter.TryAcquire());
        Assert.False(limiter.TryAcquire());
        Assert.Equal(TimeSpan.FromMilliseconds(700), limiter.TimeUntilAvailable());
        _time.Advance(TimeSpan.FromMilliseconds(700));
        Assert.True(limiter.TryAcquire());
    }

    [Fact]
    public void Queue_DequeuesCancelThenModifyThenNew_FifoWithinKind()
    {
        var q = new GatewayQueue(10);
        var n1 = New();
        q.TryEnqueue(n1, out _);
        q.TryEnqueue(Modify("m1"), out _);
        q.TryEnqueue(Cancel("c1"), out _);
        q.TryEnqueue(Cancel("c2"), out _);
        var order = new List<string>();
        while (q.TryDequeue(out var c)) order.Add(c.Kind + ":" + c.ClientOrderId);
        Assert.Equal(["Cancel:c1", "Cancel:c2", "Modify:m1", "New:" + n1.ClientOrderId], order);
    }

    [Fact]
    public void Queue_Full_RefusesWithRateLimitDenialNotSilently()
    {
        var q = new GatewayQueue(2);
        Assert.True(q.TryEnqueue(New(), out _));
        Assert.True(q.TryEnqueue(New(), out _));
        Assert.False(q.TryEnqueue(Cancel("x"), out var denial));
        Assert.Equal(DenialReason.RateLimit, denial!.Reason);
        Assert.Contains("2 queued, capacity 2", denial.Message);
        Assert.Equal(2, q.Count);
    }

    [Fact]
    public void Breaker_OpensAfterThreshold_HalfOpenAllowsOneTrial_SuccessCloses()
    {
        var b = new CircuitBreaker(_time, failureThreshold: 3, openDuration: TimeSpan.FromSeconds(10));
        for (var i = 0; i < 2; i++) { Assert.True(b.TryAcquire()); b.RecordFailure(); }
        Assert.Equal(CircuitState.Closed, b.State);
        b.RecordFailure();
        Assert.Equal(CircuitState.Open, b.State);
        Assert.False(b.TryAcquire());
        Assert.Equal(TimeSpan.FromSeconds(10), b.RetryIn);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(CircuitState.HalfOpen, b.State);
        Assert.True(b.TryAcquire());
        Assert.False(b.TryAcquire());
        b.RecordSuccess();
        Assert.Equal(CircuitState.Closed, b.State);
    }

    [Fact]
    public void Breaker_HalfOpenTrialFails_ReopensForFullDuration()
    {
        var b = new CircuitBreaker(_time, failureThreshold: 1, openDuration: TimeSpan.FromSeconds(5));
        b.RecordFailure();
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(b.TryAcquire());
        b.RecordFailure();
        Assert.Equal(CircuitState.Open, b.State);
        Assert.Equal(TimeSpan.FromSeconds(5), b.RetryIn);
    }

    [Fact]
    public void Breaker_SuccessResetsConsecutiveFailures()
    {
        var b = new CircuitBreaker(_time, failureThreshold: 2);
        b.RecordFailure();
        b.RecordSuccess();
        b.RecordFailure();
        Assert.Equal(CircuitState.Closed, b.State);
    }

    [Fact]
    public void Scheduler_BreakerOpen_FailsFastWithWait()
    {
        var scheduler = new GatewayScheduler(new GatewayQueue(), new OrderRateLimiter(_time), new CircuitBreaker(_time, 1, TimeSpan.FromSeconds(30)));
        scheduler.TryEnqueue(New(), out _);
        scheduler.Breaker.RecordFailure();
        Assert.False(scheduler.TryNext(out _, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(30), wait);
        Assert.Equal(1, scheduler.Queue.Count);
        Assert.False(new GatewayScheduler(new GatewayQueue(), new OrderRateLimiter(_time), new CircuitBreaker(_time)).TryNext(out _, out var idle));
        Assert.Equal(Timeout.InfiniteTimeSpan, idle);
    }

    [Fact]
    public void FailFast_BreakerOpen_RefusesNewOrdersButQueuesCancels()
    {
        var scheduler = new GatewayScheduler(new GatewayQueue(), new OrderRateLimiter(_time), new CircuitBreaker(_time, 1, TimeSpan.FromSeconds(20)));
        Assert.Null(scheduler.FailFast(GatewayCommandKind.New));
        scheduler.Breaker.RecordFailure();
        var error = scheduler.FailFast(GatewayCommandKind.New);
        Assert.Equal((BrokerErrorKind.Unavailable, TimeSpan.FromSeconds(20)), (error!.Kind, error.RetryAfter));
        Assert.Contains("next trial in 20s", error.Message);
        Assert.Null(scheduler.FailFast(GatewayCommandKind.Cancel));
    }

    [Theory]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    [InlineData(3, 800)]
    [InlineData(4, 1600)]
    public void Retry_TransientError_BacksOffExponentially(int attempt, int expectedMs)
    {
        Assert.True(new RetryPolicy().ShouldRetry(new BrokerError(BrokerErrorKind.Transient, "down"), attempt, out var delay));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
    }

    [Fact]
    public void Retry_CapsDelay_StopsAfterMaxAttempts_HonoursRetryAfter_NeverRetriesRejections()
    {
        var p = new RetryPolicy(MaxAttempts: 10, MaxDelay: TimeSpan.FromSeconds(1));
        Assert.True(p.ShouldRetry(new BrokerError(BrokerErrorKind.Transient, "x"), 9, out var capped));
        Assert.Equal(TimeSpan.FromSeconds(1), capped);
        Assert.False(p.ShouldRetry(new BrokerError(BrokerErrorKind.Transient, "x"), 10, out _));
        Assert.True(p.ShouldRetry(new BrokerError(BrokerErrorKind.RateLimited, "429", TimeSpan.FromSeconds(3)), 1, out var hinted));
        Assert.Equal(TimeSpan.FromSeconds(3), hinted);
        Assert.False(p.ShouldRetry(new BrokerError(BrokerErrorKind.Rejected, "no"), 1, out _));
        Assert.False(p.ShouldRetry(new BrokerError(BrokerErrorKind.Protocol, "??"), 1, out _));
    }
}
