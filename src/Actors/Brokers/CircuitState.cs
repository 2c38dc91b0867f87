namespace ActorTrading.Actors.Brokers;

public enum CircuitState
{
    /// <summary>Calls flow; consecutive failures are counted.</summary>
    Closed = 0,
    /// <summary>The broker is considered down: calls fail fast until the open period ends.</summary>
    Open = 1,
    /// <summary>One trial call is allowed; its outcome closes or re-opens the circuit.</summary>
    HalfOpen = 2,
}
