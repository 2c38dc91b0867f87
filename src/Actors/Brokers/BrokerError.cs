namespace ActorTrading.Actors.Brokers;

/// <summary>A failed broker call: kind, message (the broker's own words when it gave some) and an optional back-off hint.</summary>
public sealed record BrokerError(BrokerErrorKind Kind, string Message, TimeSpan? RetryAfter = null)
{
    public bool IsTransient => Kind is BrokerErrorKind.Transient or BrokerErrorKind.RateLimited;

    public override string ToString() => $"{Kind}: {Message}";
}
