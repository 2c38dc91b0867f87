namespace ActorTrading.Actors.Brokers;

/// <summary>
/// Closed → Open after <c>failureThreshold</c> consecutive transient failures; Open fails fast for
/// <c>openDuration</c>; then HalfOpen lets exactly one trial call through: success closes, failure re-opens.
/// Business rejections are not failures of the broker and must not be recorded here. Not thread-safe.
/// </summary>
public sealed class CircuitBreaker
{
    private readonly TimeProvider _time;
    private int _failures;
    private DateTimeOffset _openUntil;
    private bool _trialInFlight;

    public CircuitBreaker(TimeProvider time, int failureThreshold = 5, TimeSpan? openDuration = null)
    {
        if (failureThreshold <= 0) throw new ArgumentOutOfRangeException(nameof(failureThreshold), failureThreshold, "must be positive");
        _time = time;
        FailureThreshold = failureThreshold;
        OpenDuration = openDuration ?? TimeSpan.FromSeconds(30);
    }

    public int FailureThreshold { get; }
    public TimeSpan OpenDuration { get; }

    public CircuitState State
    {
        get
        {
            if (_state == CircuitState.Open && _time.GetUtcNow() >= _openUntil) _state = CircuitState.HalfOpen;
            return _state;
        }
    }
    private CircuitState _state = CircuitState.Closed;

    /// <summary>Time until an Open circuit allows a trial (zero otherwise).</summary>
    public TimeSpan RetryIn => State == CircuitState.Open ? _openUntil - _time.GetUtcNow() : TimeSpan.Zero;

    /// <summary>May a call go to the broker now? In HalfOpen only the first caller gets the trial.</summary>
    public bool TryAcquire()
    {
        switch (State)
        {
            case CircuitState.Closed: return true;
            case CircuitState.HalfOpen when !_trialInFlight: _trialInFlight = true; return true;
            default: return false;
        }
    }

    public void RecordSuccess()
    {
        _failures = 0;
        _trialInFlight = false;
        _state = CircuitState.Closed;
    }

    public void RecordFailure()
    {
        _trialInFlight = false;
        if (State == CircuitState.HalfOpen || ++_failures >= FailureThreshold) Open();
    }

    private void Open()
    {
        _state = CircuitState.Open;
        _failures = 0;
        _openUntil = _time.GetUtcNow() + OpenDuration;
    }
}
