using ActorTrading.Actors.Risk;

namespace ActorTrading.Actors.Brokers;

/// <summary>
/// Decides what the gateway sends next: the highest-priority queued request, if the circuit breaker lets calls through
/// and the rate limiter has a permit. Otherwise it says how long to wait (the actor sets a timer for that).
/// </summary>
public sealed class GatewayScheduler(GatewayQueue queue, OrderRateLimiter limiter, CircuitBreaker breaker)
{
    public GatewayQueue Queue { get; } = queue;
    public OrderRateLimiter Limiter { get; } = limiter;
    public CircuitBreaker Breaker { get; } = breaker;

    public bool TryEnqueue(GatewayCommand command, out RiskDenial? denial) => Queue.TryEnqueue(command, out denial);

    /// <summary>Dequeues the next request to send now; false with <paramref name="wait"/> (Infinite when the queue is empty).</summary>
    public bool TryNext(out GatewayCommand command, out TimeSpan wait)
    {
        command = null!;
        if (Queue.Count == 0) { wait = Timeout.InfiniteTimeSpan; return false; }
        if (Breaker.State == CircuitState.Open) { wait = Breaker.RetryIn; return false; }
        wait = Limiter.TimeUntilAvailable();
        if (wait > TimeSpan.Zero) return false;
        if (!Breaker.TryAcquire()) { wait = TimeSpan.FromMilliseconds(100); return false; }
        Limiter.TryAcquire();
        return Queue.TryDequeue(out command);
    }
}
