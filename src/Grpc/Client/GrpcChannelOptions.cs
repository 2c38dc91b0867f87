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

    /// <summary>Which HTTP/2 stack carries the calls when <see cref="HttpHandler"/> is not set. Default: our own.</summary>
    public GrpcTransport Transport { get; set; } = GrpcTransport.Http2;

    /// <summary>
    /// The HTTP handler to use. Default: by <see cref="Transport"/>, our <see cref="Http2.Http2Handler"/> or a
    /// <see cref="SocketsHttpHandler"/>. Give your own for TLS settings (e.g. <c>GrpcChannel.CreateHttp2Handler(new() {
    /// SslOptions = ... })</c>) or a proxy.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Whether disposing the channel disposes <see cref="HttpHandler"/> (always true for the default handler).</summary>
    public bool DisposeHttpHandler { get; set; } = true;

    public string UserAgent { get; set; } = "grpc-actortrading/1.0";

    /// <summary>Runs around every call made through the channel (outermost first).</summary>
    public IList<ClientInterceptor> Interceptors { get; } = new List<ClientInterceptor>();
}
