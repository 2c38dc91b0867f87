namespace ActorTrading.Runtime.Remote;

/// <summary>
/// Settings of <see cref="Remote"/>. The node's address is the actor system's <see cref="ActorSystemConfig.Address"/>:
/// the <c>host:port</c> other nodes dial (its gRPC port, which serves <see cref="RemotingService"/>).
/// </summary>
public sealed record RemoteConfig
{
    public RemoteConfig(string memberId, SerializerRegistry serialization)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        MemberId = memberId;
        Serialization = serialization ?? throw new ArgumentNullException(nameof(serialization));
    }

    public string MemberId { get; }
    public SerializerRegistry Serialization { get; }

    /// <summary>Most envelopes written in one batch (one gRPC message, one flush).</summary>
    public int MaxBatchSize { get; init; } = 512;

    /// <summary>Envelopes waiting per peer before senders are refused (fail fast instead of growing without bound).</summary>
    public int SendQueueCapacity { get; init; } = 100_000;

    /// <summary>How long dialing a peer (until its hello arrives) may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>After a failed connect, sends fail at once for this long, doubling per failure up to <see cref="MaxReconnectBackoff"/>.</summary>
    public TimeSpan MinReconnectBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxReconnectBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Sent as <c>authorization: Bearer ...</c> when dialing a peer (the node's interceptors authenticate it).</summary>
    public string? BearerToken { get; init; }
}
