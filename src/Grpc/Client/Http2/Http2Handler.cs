namespace ActorTrading.Grpc.Http2;

/// <summary>
/// Our own HTTP/2 client transport as an <see cref="HttpMessageHandler"/>: connections to one origin each (h2c prior
/// knowledge for http://, TLS + ALPN h2 for https://), a new connection when the open ones are full or draining.
/// Made for gRPC (POST, streaming bodies, trailers in <see cref="HttpResponseMessage.TrailingHeaders"/>).
/// </summary>
public sealed class Http2Handler : HttpMessageHandler
{
    private readonly Http2HandlerOptions _options;
    private readonly object _lock = new();
    private readonly Dictionary<string, List<Http2Connection>> _connections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<Http2Connection>> _connecting = new(StringComparer.Ordinal);
    private bool _disposed;

    public Http2Handler(Http2HandlerOptions? options = null) => _options = options ?? new Http2HandlerOptions();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        cancellationToken.ThrowIfCancellationRequested();
        var connection = await ReserveAsync(uri, uri.GetLeftPart(UriPartial.Authority), cancellationToken).ConfigureAwait(false);
        var stream = new Http2Stream(connection, request);
        var content = request.Content;
        if (content is null or FrameContent)
        {
            Start(stream, (content as FrameContent)?.Frame ?? ReadOnlyMemory<byte>.Empty, cancellationToken);
        }
        else
        {
            connection.StartStream(stream, ReadOnlySpan<byte>.Empty, endStream: false);
            stream.RegisterCancellation(cancellationToken);
            _ = SendBodyAsync(stream, content, cancellationToken);
        }

        await stream.ResponseStarted.ConfigureAwait(false);
        return stream.ToResponseMessage();
    }

    /// <summary>
    /// A gRPC call below HttpMessageHandler: the stream itself is the call's transport (no request or response
    /// message objects). <paramref name="body"/> is the whole request (one frame), or null for a streaming request.
    /// Completes synchronously when a connection is open.
    /// </summary>
    internal async ValueTask<ITransportCall> StartCallAsync(Uri address, string origin, RequestHead head, ReadOnlyMemory<byte>? body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = await ReserveAsync(address, origin, cancellationToken).ConfigureAwait(false);
        var stream = new Http2Stream(connection, head);
        if (body is { } frame)
        {
            Start(stream, frame, cancellationToken);
        }
        else
        {
            stream.MarkStreamingRequest();
            connection.StartStream(stream, ReadOnlySpan<byte>.Empty, endStream: false);
            stream.RegisterCancellation(cancellationToken);
        }

        return stream;
    }

    /// <summary>HEADERS and as much of the complete body as the windows allow in one write; the rest follows.</summary>
    private static void Start(Http2Stream stream, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var sent = stream.Connection.StartStream(stream, body.Span, endStream: true);
        stream.RegisterCancellation(cancellationToken);
        if (sent < body.Length || !stream.LocalClosed)
        {
            _ = SendRestAsync(stream, body[sent..], cancellationToken);
        }
    }

    private static async Task SendRestAsync(Http2Stream stream, ReadOnlyMemory<byte> rest, CancellationToken cancellationToken)
    {
        try
        {
            await stream.Connection.WriteDataAsync(stream, rest, endStream: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            stream.Cancel(ex);
        }
    }

    private static async Task SendBodyAsync(Http2Stream stream, HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            await content.CopyToAsync(new Http2RequestStream(stream), cancellationToken).ConfigureAwait(false);
            await stream.Connection.WriteDataAsync(stream, ReadOnlyMemory<byte>.Empty, endStream: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The body failed or was abandoned (the call ended or was cancelled): reset the stream if it is still open.
            stream.Cancel(ex);
        }
    }

    private async ValueTask<Http2Connection> ReserveAsync(Uri uri, string origin, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task<Http2Connection> connecting;
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_connections.TryGetValue(origin, out var list))
                {
                    list.RemoveAll(c => !c.IsUsable);
                    foreach (var candidate in list)
                    {
                        if (candidate.TryReserve())
                        {
                            return candidate;
                        }
                    }
                }

                if (!_connecting.TryGetValue(origin, out connecting!))
                {
                    connecting = ConnectAsync(uri, origin);
                    _connecting[origin] = connecting;
                }
            }

            await connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Http2Connection> ConnectAsync(Uri uri, string origin)
    {
        try
        {
            await Task.Yield();
            var connection = await Http2Connection.ConnectAsync(uri, _options, CancellationToken.None).ConfigureAwait(false);
            lock (_lock)
            {
                if (_disposed)
                {
                    _ = connection.DisposeAsync();
                    throw new ObjectDisposedException(nameof(Http2Handler));
                }

                if (!_connections.TryGetValue(origin, out var list))
                {
                    _connections[origin] = list = [];
                }

                list.Add(connection);
            }

            return connection;
        }
        finally
        {
            lock (_lock)
            {
                _connecting.Remove(origin);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            List<Http2Connection> all;
            lock (_lock)
            {
                _disposed = true;
                all = [.. _connections.Values.SelectMany(l => l)];
                _connections.Clear();
            }

            foreach (var connection in all)
            {
                _ = connection.DisposeAsync();
            }
        }

        base.Dispose(disposing);
    }
}
