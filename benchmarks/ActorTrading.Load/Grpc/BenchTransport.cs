using ActorTrading.Grpc;

namespace ActorTrading.Load.Grpc;

/// <summary><c>--transport http2|httpclient</c>: which client HTTP/2 stack the gRPC scenarios use (default: our own); <c>--hpack-index on|off</c>.</summary>
internal static class BenchTransport
{
    public static GrpcChannelOptions Options(ScenarioArgs args, TextWriter progress)
    {
        var name = args.Str("transport", "http2");
        var transport = name.ToLowerInvariant() switch
        {
            "http2" => GrpcTransport.Http2,
            "httpclient" => GrpcTransport.HttpClient,
            _ => throw new ArgumentException($"--transport must be http2 or httpclient, got '{name}'"),
        };
        // --hpack-index off: our transport without the request-side HPACK dynamic table (for A/B runs).
        var indexing = args.Str("hpack-index", "on") != "off";
        progress.WriteLine($"client transport: {transport}, hpack index: {indexing}");
        return transport == GrpcTransport.Http2 && !indexing
            ? new GrpcChannelOptions { HttpHandler = GrpcChannel.CreateHttp2Handler(new() { HeaderIndexing = false }) }
            : new GrpcChannelOptions { Transport = transport };
    }
}
