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

    /// <summary>
    /// Fail fast while the broker is down: a new order gets an Unavailable error at once instead of waiting in the
    /// queue for the breaker (the account rejects it). Cancels and modifies are still queued: they must go out as soon
    /// as the broker is back. Null when the command may be queued.
    /// </summary>
    public BrokerError? FailFast(GatewayCommandKind kind) =>
        kind == GatewayCommandKind.New && Breaker.State == CircuitState.Open
            ? new BrokerError(BrokerErrorKind.Unavailable, $"broker unavailable (circuit open, next trial in {Breaker.RetryIn.TotalSeconds:0.#}s)", Breaker.RetryIn)
            : null;

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
