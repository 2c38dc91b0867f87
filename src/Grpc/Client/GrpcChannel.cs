using System.Collections.Concurrent;
using ActorTrading.Grpc.Http2;

namespace ActorTrading.Grpc;

/// <summary>
/// A connection to one server address (<c>http://</c> = h2c with prior knowledge, <c>https://</c> = TLS with ALPN h2).
/// Owns one handler (by default our <see cref="Http2Handler"/>; <see cref="GrpcTransport.HttpClient"/> picks
/// <see cref="SocketsHttpHandler"/>); create one per address and share it: it is thread-safe. On an
/// <see cref="Http2Handler"/> calls run straight on its HTTP/2 streams; on any other handler, as HTTP requests.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private readonly ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);
    private readonly bool _disposeHandler;
    private readonly Http2Handler? _http2;
    private readonly string _origin;

    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        Address = address;
        Options = options;
        var handler = options.HttpHandler ?? (options.Transport == GrpcTransport.HttpClient ? CreateDefaultHandler() : CreateHttp2Handler());
        _disposeHandler = options.HttpHandler is null || options.DisposeHttpHandler;
        Invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        Handler = handler;
        Providers = options.CompressionProviders.ToArray();
        AcceptEncoding = CompressionProviders.AcceptEncoding(Providers);
        if (options.SendCompression is { } name)
        {
            SendCompressor = CompressionProviders.Find(Providers, name)
                ?? throw new ArgumentException($"SendCompression '{name}' is not one of the CompressionProviders ({AcceptEncoding}).");
        }

        Interceptors = options.Interceptors.ToArray();
        _http2 = handler as Http2Handler;
        _origin = address.GetLeftPart(UriPartial.Authority);
    }

    public Uri Address { get; }

    public GrpcChannelOptions Options { get; }

    internal HttpMessageInvoker Invoker { get; }

    internal HttpMessageHandler Handler { get; }

    internal IReadOnlyList<ICompressionProvider> Providers { get; }

    internal string AcceptEncoding { get; }

    internal ICompressionProvider? SendCompressor { get; }

    internal ClientInterceptor[] Interceptors { get; }

    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) => ForAddress(new Uri(address), options);

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Address '{address}' must be http:// (h2c) or https:// (TLS).", nameof(address));
        }

        return new GrpcChannel(address, options ?? new GrpcChannelOptions());
    }

    /// <summary>The HttpClient transport (<see cref="GrpcTransport.HttpClient"/>): HTTP/2, several connections when streams run out, keep-alive pings, no idle timeout.</summary>
    public static SocketsHttpHandler CreateDefaultHandler() => new()
    {
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    };

    /// <summary>Our own HTTP/2 transport (the default): one socket per connection, coalesced writes, a single reader loop.</summary>
    public static Http2Handler CreateHttp2Handler(Http2HandlerOptions? options = null) => new(options);

    /// <summary>
    /// Starts a call: on our <see cref="Http2Handler"/> as a bare HTTP/2 stream (no HttpRequestMessage or
    /// HttpResponseMessage), on any other handler through <see cref="HttpMessageInvoker"/>.
    /// </summary>
    internal ValueTask<ITransportCall> StartCall(in RequestHead head, ReadOnlyMemory<byte>? body, CancellationToken cancellationToken)
    {
        if (_http2 is { } http2)
        {
            return http2.StartCallAsync(Address, _origin, head, body, cancellationToken);
        }

        try
        {
            return new(new HttpClientTransportCall(Invoker, UriFor(head.Path), head, body, cancellationToken));
        }
        catch (Exception ex)
        {
            return ValueTask.FromException<ITransportCall>(ex);
        }
    }

    internal Uri UriFor(string path) => _uris.GetOrAdd(path, static (p, address) => new Uri(address, p), Address);

    public void Dispose()
    {
        Invoker.Dispose();
        if (_disposeHandler)
        {
            Handler.Dispose();
        }
    }
}
