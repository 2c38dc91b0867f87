using System.Buffers;
using Google.Protobuf;

namespace ActorTrading.Grpc;

/// <summary>
/// One client call over an <see cref="ITransportCall"/> (our HTTP/2 stream, or any HttpMessageHandler): sends the
/// request, reads frames and the status, maps transport failures to gRPC codes. The call objects (<see cref="AsyncUnaryCall{TResponse}"/> etc.) are thin views over it.
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
    private ITransportCall? _transport;
    private Task<ITransportCall>? _starting;
    private StreamFrameReader? _reader;
    private ICompressionProvider? _decompressor;
    private Status? _status;
    private Metadata? _trailers;
    private Metadata? _headers;
    private bool _disposed;
    private bool _streamingRequest;
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
    public const string InternalEncodingRequest = RequestHead.InternalEncodingRequest;

    public CallOptions Options { get; }

    public CancellationToken Token { get; }

    /// <summary>Sends the request: the body is one frame (unary, server streaming) or a stream written later (null).</summary>
    public void Start(TRequest? request)
    {
        _streamingRequest = request is null;
        ReadOnlyMemory<byte>? body = request is null ? default(ReadOnlyMemory<byte>?) : Serialize(request, Options.WriteOptions);
        string? timeout = null;
        if (_deadline is { } deadline)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                _status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
                _cts!.Cancel();
                _starting = Task.FromException<ITransportCall>(new RpcException(_status.Value));
                return;
            }

            timeout = GrpcTimeout.Format(remaining);
            _cts!.CancelAfter(remaining);
        }

        var head = new RequestHead(_method.FullName, _channel.Options.UserAgent, _channel.AcceptEncoding, _sendCompressor?.EncodingName, timeout, Options.Headers);
        var started = _channel.StartCall(head, body, Token);
        if (started.IsCompletedSuccessfully)
        {
            _transport = started.Result;
        }
        else
        {
            _starting = started.AsTask();
        }
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
        if (_streamingRequest)
        {
            _transport?.AbortRequest(new RpcException(_status.Value));
        }

        _reader?.Dispose();
        _transport?.Dispose();
        if (_transport is null && _starting is { IsCompleted: false } starting)
        {
            // Still connecting: the cancelled token fails it, or it arrives and is reset at once.
            starting.ContinueWith(static t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }

        _cts?.Dispose();
    }
}
