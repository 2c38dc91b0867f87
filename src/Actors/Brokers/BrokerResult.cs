namespace ActorTrading.Actors.Brokers;

/// <summary>The value of a broker call or its error; expected failures are values, not exceptions.</summary>
public readonly struct BrokerResult<T>
{
    private BrokerResult(T? value, BrokerError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public BrokerError? Error { get; }
    public bool IsSuccess => Error is null;

    public static BrokerResult<T> Ok(T value) => new(value, null);

    public static BrokerResult<T> Fail(BrokerError error) => new(default, error);

    public static BrokerResult<T> Fail(BrokerErrorKind kind, string message, TimeSpan? retryAfter = null) => new(default, new BrokerError(kind, message, retryAfter));

    public static implicit operator BrokerResult<T>(BrokerError error) => Fail(error);

    public override string ToString() => IsSuccess ? $"Ok({Value})" : $"Fail({Error})";
}
