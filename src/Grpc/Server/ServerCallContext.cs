using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace ActorTrading.Grpc;

/// <summary>
/// Everything a handler knows about its call: method, peer, deadline, cancellation, request headers,
/// response headers and trailers, status. One per call; not thread-safe (gRPC allows one write at a time).
/// </summary>
public sealed partial class ServerCallContext
{
    /// <summary>Longer timeouts (up to 99999999H are legal) are treated as no deadline: timers cannot wait that long.</summary>
    private static readonly TimeSpan MaxTimerTimeout = TimeSpan.FromDays(24);

    private readonly HttpContext _http;
    private readonly ServerRuntime _runtime;
    private readonly GrpcWireMode _mode;
    private CancellationTokenSource? _deadlineCts;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Dictionary<object, object>? _userState;

    internal ServerCallContext(HttpContext http, ServerMethod method, ServerRuntime runtime, GrpcWireMode mode)
    {
        _http = http;
        _runtime = runtime;
        _mode = mode;
        ServerMethod = method;
        CancellationToken = http.RequestAborted;
        Deadline = DateTime.MaxValue;
    }

    /// <summary>The path, <c>/package.Service/Method</c>.</summary>
    public string Method => ServerMethod.Path;

    public MethodType MethodType => ServerMethod.Type;

    /// <summary>The client address, e.g. <c>ipv4:127.0.0.1:53412</c>.</summary>
    public string Peer => FormatPeer(_http.Connection.RemoteIpAddress, _http.Connection.RemotePort);

    public string Host => _http.Request.Host.Value ?? "";

    /// <summary>UTC deadline from grpc-timeout, or <see cref="DateTime.MaxValue"/>.</summary>
    public DateTime Deadline { get; private set; }

    /// <summary>Cancelled when the client cancels (RST_STREAM), the connection drops, or the deadline passes.</summary>
    public CancellationToken CancellationToken { get; private set; }

    /// <summary>The user metadata the client sent (protocol headers such as grpc-timeout and te are left out).</summary>
    public Metadata RequestHeaders => _requestHeaders ??= ReadRequestHeaders();

    /// <summary>Trailers sent with the status at the end of the call.</summary>
    public Metadata ResponseTrailers => _responseTrailers ??= new Metadata();

    /// <summary>The status the call ends with if the handler returns normally (default OK). Throwing <see cref="RpcException"/> overrides it.</summary>
    public Status Status { get; set; } = Status.DefaultSuccess;

    /// <summary>Default write options for response messages.</summary>
    public WriteOptions? WriteOptions { get; set; }

    /// <summary>Per-call state for interceptors and handlers (e.g. the authenticated principal).</summary>
    public IDictionary<object, object> UserState => _userState ??= [];

    /// <summary>The underlying ASP.NET Core request.</summary>
    public HttpContext HttpContext => _http;

    /// <summary>True when the grpc-timeout deadline has passed.</summary>
    public bool DeadlineExceeded => _deadlineCts is { IsCancellationRequested: true } && !_http.RequestAborted.IsCancellationRequested;

    internal ServerMethod ServerMethod { get; }

    internal ICompressionProvider? RequestDecompressor { get; private set; }

    internal ICompressionProvider? ResponseCompressor { get; private set; }

    /// <summary>Sends the response headers now, with <paramref name="responseHeaders"/>. At most once, before the first message.</summary>
    public async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        if (_headersSent)
        {
            throw new InvalidOperationException("Response headers were already sent: write them before the first message, once.");
        }

        lock (_writeLock)
        {
            if (_finished)
            {
                throw new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded: the call has already ended."));
            }

            foreach (var entry in responseHeaders)
            {
                _http.Response.Headers.Append(entry.Key, MetadataCodec.ToHeaderValue(entry));
            }

            EnsureHeaders();
        }

        await FlushAsync(FlushToken).ConfigureAwait(false);
    }

    /// <summary>Reads grpc-timeout and grpc-encoding. False when the call was already answered (unsupported encoding).</summary>
    internal bool Initialize(TimeProvider timeProvider)
    {
        var headers = _http.Request.Headers;
        var encoding = headers[GrpcProtocol.EncodingHeader].ToString();
        if (encoding.Length != 0 && encoding != GrpcProtocol.IdentityEncoding)
        {
            RequestDecompressor = CompressionProviders.Find(_runtime.Providers, encoding);
            if (RequestDecompressor is null)
            {
                _http.Response.Headers[GrpcProtocol.AcceptEncodingHeader] = _runtime.AcceptEncoding;
                Status = new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {_runtime.AcceptEncoding}");
                return false;
            }
        }

        if (_runtime.ResponseCompression is { } compression &&
            CompressionProviders.Accepts(headers[GrpcProtocol.AcceptEncodingHeader].ToString(), compression.EncodingName))
        {
            ResponseCompressor = compression;
        }

        if (headers.TryGetValue(GrpcProtocol.TimeoutHeader, out var timeoutValue) &&
            GrpcTimeout.TryParse(timeoutValue.ToString(), out var timeout) &&
            timeout <= MaxTimerTimeout)
        {
            Deadline = timeProvider.GetUtcNow().UtcDateTime + timeout;
            _deadlineCts = CancellationTokenSource.CreateLinkedTokenSource(_http.RequestAborted);
            if (timeout <= TimeSpan.Zero)
            {
                _deadlineCts.Cancel();
            }
            else
            {
                _deadlineCts.CancelAfter(timeout);
            }

            CancellationToken = _deadlineCts.Token;
        }

        if (ServerMethod.Type != MethodType.Unary)
        {
            LiftBodyLimits();
        }

        return true;
    }

    internal bool HasDeadline => _deadlineCts is not null;

    internal void DisposeDeadline() => _deadlineCts?.Dispose();

    private void LiftBodyLimits()
    {
        if (_http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = null;
        }

        if (_http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        if (_http.Features.Get<IHttpMinResponseDataRateFeature>() is { } responseRate)
        {
            responseRate.MinDataRate = null;
        }
    }

    private Metadata ReadRequestHeaders()
    {
        var metadata = new Metadata();
        foreach (var header in _http.Request.Headers)
        {
            MetadataCodec.AddHeaders(metadata, header.Key, header.Value);
        }

        return metadata;
    }

    private static string FormatPeer(IPAddress? address, int port) => address switch
    {
        null => "unknown",
        { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } => $"ipv6:[{address}]:{port}",
        _ => $"ipv4:{address}:{port}",
    };
}
