namespace ActorTrading.Grpc;

/// <summary>Per-call settings: request metadata, deadline (UTC), cancellation, write options.</summary>
public readonly struct CallOptions(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
{
    public Metadata? Headers { get; init; } = headers;

    public DateTime? Deadline { get; init; } = deadline;

    public CancellationToken CancellationToken { get; init; } = cancellationToken;

    public WriteOptions? WriteOptions { get; init; }

    /// <summary>Options with a deadline <paramref name="timeout"/> from now.</summary>
    public static CallOptions WithTimeout(TimeSpan timeout, Metadata? headers = null, CancellationToken cancellationToken = default) =>
        new(headers, DateTime.UtcNow + timeout, cancellationToken);
}
