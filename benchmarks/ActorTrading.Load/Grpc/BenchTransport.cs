using ActorTrading.Grpc;

namespace ActorTrading.Load.Grpc;

/// <summary><c>--transport http2|httpclient</c>: which client HTTP/2 stack the gRPC scenarios use (default: our own).</summary>
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
        progress.WriteLine($"client transport: {transport}");
        return new GrpcChannelOptions { Transport = transport };
    }
}
