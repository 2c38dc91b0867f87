using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Testing;

namespace ActorTrading.Grpc.Interop.Client;

/// <summary>
/// The interop cases on ActorTrading.Grpc's client (one file per group of cases). Two channels to the same server:
/// one plain, one that compresses requests with gzip; both record the compressed flags of responses.
/// </summary>
internal sealed partial class InteropClient : IDisposable
{
    private static readonly ServiceDescriptor TestService = TestReflection.Descriptor.Services.Single(s => s.Name == "TestService");
    private static readonly ServiceDescriptor UnimplementedServiceDescriptor = TestReflection.Descriptor.Services.Single(s => s.Name == "UnimplementedService");
    private static readonly Method<Empty, Empty> EmptyCall = Method.Create<Empty, Empty>(TestService, "EmptyCall");
    private static readonly Method<SimpleRequest, SimpleResponse> UnaryCallMethod = Method.Create<SimpleRequest, SimpleResponse>(TestService, "UnaryCall");
    private static readonly Method<StreamingOutputCallRequest, StreamingOutputCallResponse> StreamingOutputCall =
        Method.Create<StreamingOutputCallRequest, StreamingOutputCallResponse>(TestService, "StreamingOutputCall");
    private static readonly Method<StreamingInputCallRequest, StreamingInputCallResponse> StreamingInputCall =
        Method.Create<StreamingInputCallRequest, StreamingInputCallResponse>(TestService, "StreamingInputCall");
    private static readonly Method<StreamingOutputCallRequest, StreamingOutputCallResponse> FullDuplexCall =
        Method.Create<StreamingOutputCallRequest, StreamingOutputCallResponse>(TestService, "FullDuplexCall");
    private static readonly Method<Empty, Empty> UnimplementedCall = Method.Create<Empty, Empty>(TestService, "UnimplementedCall");
    private static readonly Method<Empty, Empty> UnimplementedServiceCall = Method.Create<Empty, Empty>(UnimplementedServiceDescriptor, "UnimplementedCall");
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly InteropPeer _peer;
    private readonly GrpcChannel _plainChannel;
    private readonly GrpcChannel _gzipChannel;
    private readonly ResponseFrameRecorder _plainFrames;
    private readonly ResponseFrameRecorder _gzipFrames;

    public InteropClient(InteropPeer peer)
    {
        _peer = peer;
        _plainFrames = new ResponseFrameRecorder(GrpcChannel.CreateDefaultHandler());
        _gzipFrames = new ResponseFrameRecorder(GrpcChannel.CreateDefaultHandler());
        _plainChannel = GrpcChannel.ForAddress(peer.Address, new GrpcChannelOptions { HttpHandler = _plainFrames });
        _gzipChannel = GrpcChannel.ForAddress(peer.Address, new GrpcChannelOptions { HttpHandler = _gzipFrames, SendCompression = "gzip" });
        Plain = new GrpcClient(_plainChannel);
        Gzip = new GrpcClient(_gzipChannel);
    }

    private GrpcClient Plain { get; }

    private GrpcClient Gzip { get; }

    public void Dispose()
    {
        _plainChannel.Dispose();
        _gzipChannel.Dispose();
    }

    private static CallOptions Guarded(Metadata? headers = null, CancellationToken cancellationToken = default) =>
        CallOptions.WithTimeout(Guard, headers, cancellationToken);

    private static Payload Zeros(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };

    private static SimpleRequest LargeRequest() => new() { ResponseSize = 314159, Payload = Zeros(271828) };

    private static StreamingOutputCallRequest OutRequest(int[] sizes, int? payloadSize = null)
    {
        var request = new StreamingOutputCallRequest { Payload = payloadSize is { } p ? Zeros(p) : null };
        request.ResponseParameters.AddRange(sizes.Select(size => new ResponseParameters { Size = size }));
        return request;
    }

    private static async Task<List<T>> ReadAllAsync<T>(IAsyncStreamReader<T> stream)
    {
        var all = new List<T>();
        while (await stream.MoveNext(CancellationToken.None).ConfigureAwait(false))
        {
            all.Add(stream.Current);
        }

        return all;
    }
}
