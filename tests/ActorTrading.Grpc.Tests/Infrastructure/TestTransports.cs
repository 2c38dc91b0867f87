using ActorTrading.Grpc.Http2;

namespace ActorTrading.Grpc.Tests.Infrastructure;

/// <summary>
/// The client's three ways onto the wire: our HTTP/2 stream directly (the default, below HttpMessageHandler), our
/// <see cref="Http2Handler"/> as an HttpMessageHandler (what a DelegatingHandler over it gets), and SocketsHttpHandler.
/// </summary>
public static class TestTransports
{
    public const string Direct = "direct";
    public const string Handler = "handler";
    public const string HttpClient = "httpclient";

    /// <summary>The direct path with <see cref="Http2HandlerOptions.CoalesceWrites"/> off: every call written at once.</summary>
    public const string DirectUncoalesced = "direct-uncoalesced";

    public static TheoryData<string> All => new(Direct, Handler, HttpClient);

    public static TheoryData<string> AllWithUncoalesced => new(Direct, DirectUncoalesced, Handler, HttpClient);

    public static GrpcChannel Channel(Uri address, string transport, Action<GrpcChannelOptions>? configure = null)
    {
        var options = transport switch
        {
            Direct => new GrpcChannelOptions(),
            DirectUncoalesced => new GrpcChannelOptions { HttpHandler = GrpcChannel.CreateHttp2Handler(new Http2HandlerOptions { CoalesceWrites = false }) },
            Handler => new GrpcChannelOptions { HttpHandler = new PassThroughHandler(GrpcChannel.CreateHttp2Handler()) },
            HttpClient => new GrpcChannelOptions { Transport = GrpcTransport.HttpClient },
            _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, null),
        };
        configure?.Invoke(options);
        return GrpcChannel.ForAddress(address, options);
    }

    /// <summary>Any handler that is not exactly <see cref="Http2Handler"/> makes the channel use the HttpMessageHandler path.</summary>
    private sealed class PassThroughHandler(HttpMessageHandler inner) : DelegatingHandler(inner);
}
