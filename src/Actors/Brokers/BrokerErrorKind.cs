namespace ActorTrading.Actors.Brokers;

/// <summary>How a broker call failed; decides retry, circuit breaking and what the account sees.</summary>
public enum BrokerErrorKind
{
    /// <summary>Network failure, timeout or 5xx: may succeed if retried.</summary>
    Transient = 1,
    /// <summary>HTTP 429 / broker throttling: back off (see RetryAfter), then retry.</summary>
    RateLimited = 2,
    /// <summary>The broker refused the request (bad price, funds, unknown symbol...): an OrderRejected, never retried.</summary>
    Rejected = 3,
    NotFound = 4,
    /// <summary>The circuit breaker is open: failing fast without calling the broker.</summary>
    Unavailable = 5,
    /// <summary>The broker answered something we cannot understand: a bug on one side, not retried.</summary>
    Protocol = 6,
}
