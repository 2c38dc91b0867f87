using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Testing;

namespace ActorTrading.Grpc.Interop.Client;

/// <summary>
/// The interop cases on ActorTrading.Grpc's client (one file per group of cases), on one channel whose handler records
/// the compressed flags of responses; a call compresses its requests when its metadata asks (<see cref="Gzip"/>).
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

    /// <summary>Request metadata that picks the request encoding of one call (as in grpc-dotnet and grpc C++); never sent.</summary>
    private const string RequestEncodingKey = "grpc-internal-encoding-request";

    private readonly InteropPeer _peer;
    private readonly GrpcChannel _channel;
    private readonly ResponseFrameRecorder? _responseFrames;

    public InteropClient(InteropPeer peer)
    {
        _peer = peer;
        if (peer.Direct)
        {
            _channel = GrpcChannel.ForAddress(peer.Address);
        }
        else
        {
            _responseFrames = new ResponseFrameRecorder(GrpcChannel.CreateHttp2Handler());
            _channel = GrpcChannel.ForAddress(peer.Address, new GrpcChannelOptions { HttpHandler = _responseFrames });
        }

        Client = new GrpcClient(_channel);
    }

    /// <summary>The response frames' compressed flags, when this client records them (and the server can be asked for them).</summary>
    private ResponseFrameRecorder? FlagChecks => _peer.ChecksCompression ? _responseFrames : null;

    private GrpcClient Client { get; }

    public void Dispose() => _channel.Dispose();

    private static CallOptions Guarded(Metadata? headers = null, CancellationToken cancellationToken = default) =>
        CallOptions.WithTimeout(Guard, headers, cancellationToken);

    /// <summary>A guarded call whose request messages are gzip-compressed (unless a write says NoCompress).</summary>
    private static CallOptions Gzip() => Guarded(new Metadata().Add(RequestEncodingKey, "gzip"));

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
