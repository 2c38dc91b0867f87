using System.Buffers;
using System.Net;
using ActorTrading.Grpc.Http2;
using Google.Protobuf;

namespace ActorTrading.Grpc;

/// <summary>
/// One client call over HttpClient: builds the HTTP/2 request, reads frames and the status, maps transport failures
/// to gRPC codes. The call objects (<see cref="AsyncUnaryCall{TResponse}"/> etc.) are thin views over it.
/// </summary>
internal sealed partial class ClientCall<TRequest, TResponse> : IClientCall
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CancellationTokenSource? _cts;
    private readonly CancellationToken _userToken;
    private readonly DateTime? _deadline;
    private readonly ICompressionProvider? _sendCompressor;
    private Task<HttpResponseMessage>? _send;
    private HttpResponseMessage? _response;
    private StreamFrameReader? _reader;
    private ICompressionProvider? _decompressor;
    private Status? _status;
    private Metadata? _trailers;
    private Metadata? _headers;
    private bool _disposed;
    private CancellationToken _registeredToken;
    private CancellationTokenRegistration _registration;

    public ClientCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options, bool ownCancellation)
    {
        foreach (var interceptor in channel.Interceptors)
        {
            options = interceptor.OnCall(method.FullName, method.Type, options);
        }

        _channel = channel;
        _method = method;
        Options = options;
        _userToken = options.CancellationToken;
        _deadline = options.Deadline;
        if (ownCancellation || _deadline is not null)
        {
            _cts = _userToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(_userToken) : new CancellationTokenSource();
        }

        Token = _cts?.Token ?? _userToken;
        _sendCompressor = channel.SendCompressor;
        if (options.Headers?.GetValue(InternalEncodingRequest) is { } encoding)
        {
            _sendCompressor = encoding == GrpcProtocol.IdentityEncoding ? null : CompressionProviders.Find(channel.Providers, encoding)
                ?? throw new ArgumentException($"{InternalEncodingRequest} '{encoding}' is not one of the channel's encodings ({channel.AcceptEncoding}).");
        }
    }

    /// <summary>Request metadata that picks the request encoding of one call (as in grpc-dotnet); never sent.</summary>
    public const string InternalEncodingRequest = "grpc-internal-encoding-request";

    public CallOptions Options { get; }

    public CancellationToken Token { get; }

    public StreamingRequestContent? RequestContent { get; private set; }

    /// <summary>Sends the request; the body is one frame (unary, server streaming) or a stream written later.</summary>
    public void Start(TRequest? request)
    {
        HttpContent content;
        if (request is not null)
        {
            content = new FrameContent(Serialize(request, Options.WriteOptions));
        }
        else
        {
            RequestContent = new StreamingRequestContent();
            content = RequestContent;
        }

        var message = new HttpRequestMessage(HttpMethod.Post, _channel.UriFor(_method.FullName))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        AddHeaders(message);
        if (_deadline is { } deadline)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                _status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
                _cts!.Cancel();
                _send = Task.FromException<HttpResponseMessage>(new RpcException(_status.Value));
                RequestContent?.Abort(new RpcException(_status.Value));
                return;
            }

            message.Headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(remaining));
            _cts!.CancelAfter(remaining);
        }

        _send = _channel.Invoker.SendAsync(message, Token);
    }

    /// <summary>One frame in an array of exactly its size (uncompressed), or via a growing buffer (compressed).</summary>
    public ReadOnlyMemory<byte> Serialize(TRequest request, WriteOptions? writeOptions)
    {
        var compressor = ((writeOptions?.Flags ?? WriteFlags.None) & WriteFlags.NoCompress) != 0 ? null : _sendCompressor;
        if (compressor is null)
        {
            return FrameCodec.ToFrame(request, _channel.Options.MaxSendMessageSize);
        }

        var buffer = new ArrayBufferWriter<byte>(GrpcProtocol.FrameHeaderSize + 256);
        FrameCodec.WriteMessage(buffer, request, compressor, _channel.Options.MaxSendMessageSize);
        return buffer.WrittenMemory;
    }

    private void AddHeaders(HttpRequestMessage message)
    {
        var headers = message.Headers;
        headers.TryAddWithoutValidation("te", "trailers");
        headers.TryAddWithoutValidation("user-agent", _channel.Options.UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, _channel.AcceptEncoding);
        if (_sendCompressor is { } compressor)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, compressor.EncodingName);
        }

        if (Options.Headers is { } metadata)
        {
            foreach (var entry in metadata)
            {
                if (entry.Key != InternalEncodingRequest)
                {
                    headers.TryAddWithoutValidation(entry.Key, MetadataCodec.ToHeaderValue(entry));
                }
            }
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_status is null)
        {
            _status = new Status(StatusCode.Cancelled, "gRPC call disposed.");
            _cts?.Cancel();
        }

        _registration.Dispose();
        RequestContent?.Abort(new RpcException(_status.Value));
        _reader?.Dispose();
        _response?.Dispose();
        _cts?.Dispose();
    }
}
