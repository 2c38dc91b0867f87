namespace ActorTrading.Grpc;

/// <summary>Server-wide settings (<c>services.AddGrpc(o => ...)</c>).</summary>
public sealed class GrpcServerOptions
{
    /// <summary>Largest request message accepted (after decompression); larger ones end the call with RESOURCE_EXHAUSTED. Default 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Largest response message the server sends; a larger one fails the call with RESOURCE_EXHAUSTED. Default unlimited.</summary>
    public int MaxSendMessageSize { get; set; } = int.MaxValue;

    /// <summary>Compress responses with this encoding ("gzip", "deflate") when the client's grpc-accept-encoding lists it. Null = identity.</summary>
    public string? ResponseCompressionAlgorithm { get; set; }

    /// <summary>The encodings understood in both directions. Default gzip and deflate (identity always).</summary>
    public IList<ICompressionProvider> CompressionProviders { get; } = new List<ICompressionProvider>(ActorTrading.Grpc.CompressionProviders.Default);

    /// <summary>Put the exception message of an unexpected handler exception into grpc-message (default: a generic text).</summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>Answer application/grpc-web and application/grpc-web-text on the same port. Default true.</summary>
    public bool EnableGrpcWeb { get; set; } = true;
}
