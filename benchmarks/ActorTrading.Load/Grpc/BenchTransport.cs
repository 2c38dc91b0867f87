using ActorTrading.Grpc;

namespace ActorTrading.Load.Grpc;

/// <summary>
/// <c>--transport http2|httpclient</c>: which client HTTP/2 stack the gRPC scenarios use (default: our own);
/// <c>--hpack-index on|off</c>, <c>--coalesce on|off</c>, <c>--inline-delivery on|off</c>: our transport's options, for A/B runs.
/// </summary>
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
        // --coalesce off: every call's frames written at once, even with others in flight (Http2HandlerOptions.CoalesceWrites).
        var coalesce = args.Str("coalesce", "on") != "off";
        // --inline-delivery off: every wake-up queued to the thread pool (Http2HandlerOptions.InlineDelivery).
        var inline = args.Str("inline-delivery", "on") != "off";
        progress.WriteLine($"client transport: {transport}, hpack index: {indexing}, coalesce writes: {coalesce}, inline delivery: {inline}");
        return transport == GrpcTransport.Http2 && (!indexing || !coalesce || !inline)
            ? new GrpcChannelOptions { HttpHandler = GrpcChannel.CreateHttp2Handler(new() { HeaderIndexing = indexing, CoalesceWrites = coalesce, InlineDelivery = inline }) }
            : new GrpcChannelOptions { Transport = transport };
    }
}
