namespace ActorTrading.Grpc;

/// <summary>Settings of a <see cref="GrpcChannel"/>.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>Largest response message accepted (after decompression); larger ends the call with RESOURCE_EXHAUSTED. Default 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Largest request message sent; larger fails with RESOURCE_EXHAUSTED before anything is sent. Default unlimited.</summary>
    public int MaxSendMessageSize { get; set; } = int.MaxValue;

    /// <summary>Compress request messages with this encoding ("gzip", "deflate"). Null = identity.</summary>
    public string? SendCompression { get; set; }

    /// <summary>Encodings accepted in responses (advertised in grpc-accept-encoding). Default gzip and deflate.</summary>
    public IList<ICompressionProvider> CompressionProviders { get; } = new List<ICompressionProvider>(ActorTrading.Grpc.CompressionProviders.Default);

    /// <summary>
    /// The HTTP handler to use. Default: one <see cref="SocketsHttpHandler"/> per channel with multiple HTTP/2 connections
    /// enabled. Give your own for TLS settings (e.g. a test certificate) or a proxy.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Whether disposing the channel disposes <see cref="HttpHandler"/> (always true for the default handler).</summary>
    public bool DisposeHttpHandler { get; set; } = true;

    public string UserAgent { get; set; } = "grpc-actortrading/1.0";

    /// <summary>Runs around every call made through the channel (outermost first).</summary>
    public IList<ClientInterceptor> Interceptors { get; } = new List<ClientInterceptor>();
}
