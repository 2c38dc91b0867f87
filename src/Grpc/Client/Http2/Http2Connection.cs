using System.Net.Security;
using System.Net.Sockets;

namespace ActorTrading.Grpc.Http2;

/// <summary>
/// One HTTP/2 connection (h2c with prior knowledge, or TLS with ALPN h2): a single writer that coalesces the frames of
/// concurrent calls into one socket write (<c>Http2Connection.Writing.cs</c>), a single reader loop that dispatches
/// frames to streams (<c>Http2Connection.Reading.cs</c>), and the stream table, windows and settings in between.
/// </summary>
internal sealed partial class Http2Connection : IAsyncDisposable
{
    /// <summary>The window we give each stream (SETTINGS_INITIAL_WINDOW_SIZE) and the whole connection.</summary>
    public const int DefaultStreamWindow = 4 * 1024 * 1024;
    public const int ConnectionWindow = 16 * 1024 * 1024;

    private readonly Stream _transport;
    private readonly Socket _socket;
    private readonly Dictionary<int, Http2Stream> _streams = [];
    private readonly object _lock = new();
    private int _reserved;
    private int _maxConcurrentStreams = 100;
    private int _lastStreamId = int.MaxValue;
    private bool _draining;
    private Exception? _closedError;

    private Http2Connection(Socket socket, Stream transport, string scheme, string authority, Http2HandlerOptions options)
    {
        _encoderTable = options.HeaderIndexing ? new HpackEncoderTable() : null;
        _coalesceWrites = options.CoalesceWrites;
        _inlineDelivery = options.InlineDelivery;
        _socket = socket;
        _transport = transport;
        Scheme = scheme;
        Authority = authority;
        StreamReceiveWindow = options.StreamWindow;
    }

    public string Scheme { get; }

    public string Authority { get; }

    public int StreamReceiveWindow { get; }

    /// <summary>True while the connection can take new streams.</summary>
    public bool IsUsable
    {
        get
        {
            lock (_lock)
            {
                return !_draining && _closedError is null;
            }
        }
    }

    public static async Task<Http2Connection> ConnectAsync(Uri address, Http2HandlerOptions options, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(address.IdnHost, address.Port, cancellationToken).ConfigureAwait(false);
            Stream transport = new NetworkStream(socket, ownsSocket: true);
            if (address.Scheme == Uri.UriSchemeHttps)
            {
                var ssl = new SslStream(transport, leaveInnerStreamOpen: false);
                var sslOptions = options.SslOptions ?? new SslClientAuthenticationOptions();
                sslOptions.TargetHost ??= address.IdnHost;
                sslOptions.ApplicationProtocols = [SslApplicationProtocol.Http2];
                await ssl.AuthenticateAsClientAsync(sslOptions, cancellationToken).ConfigureAwait(false);
                if (ssl.NegotiatedApplicationProtocol != SslApplicationProtocol.Http2)
                {
                    await ssl.DisposeAsync().ConfigureAwait(false);
                    throw new HttpRequestException($"The server at {address} did not negotiate HTTP/2 (ALPN h2).");
                }

                transport = ssl;
            }

            var connection = new Http2Connection(socket, transport, address.Scheme, address.Authority, options);
            await connection.StartAsync().ConfigureAwait(false);
            return connection;
        }
        catch (Exception ex) when (ex is not HttpRequestException)
        {
            socket.Dispose();
            throw new HttpRequestException($"Could not connect to {address}: {ex.Message}", ex);
        }
    }

    /// <summary>Claims one stream slot; false when the connection is full, draining or closed.</summary>
    public bool TryReserve()
    {
        lock (_lock)
        {
            if (_draining || _closedError is not null || _reserved >= _maxConcurrentStreams)
            {
                return false;
            }

            _reserved++;
            return true;
        }
    }

    /// <summary>The server ended its side; the stream is closed once ours is too.</summary>
    public void OnRemoteEnd(Http2Stream stream)
    {
        lock (_lock)
        {
            if (!stream.LocalClosed)
            {
                return;
            }
        }

        Forget(stream);
    }

    /// <summary>Stop sending on a stream (after a reset, or a finished response while the request was still open).</summary>
    public void CloseLocal(Http2Stream stream, bool sendReset)
    {
        if (sendReset)
        {
            Reset(stream, Http2Protocol.Cancel);
            return;
        }

        lock (_lock)
        {
            stream.LocalClosed = true;
        }

        Forget(stream);
        WakeWindowWaiters();
    }

    private void Forget(Http2Stream stream)
    {
        bool removed;
        lock (_lock)
        {
            removed = stream.Id != 0 && _streams.Remove(stream.Id);
            if (removed)
            {
                _reserved--;
            }
        }

        if (removed)
        {
            stream.OnClosed();
            if (_draining && IsIdle)
            {
                _ = DisposeAsync().AsTask();
            }
        }
    }

    private bool IsIdle
    {
        get
        {
            lock (_lock)
            {
                return _streams.Count == 0;
            }
        }
    }

    /// <summary>A connection-level failure: every stream fails, the socket closes.</summary>
    public void Abort(Exception error)
    {
        Http2Stream[] streams;
        lock (_lock)
        {
            if (_closedError is not null)
            {
                return;
            }

            _closedError = error;
            streams = [.. _streams.Values];
            _streams.Clear();
        }

        foreach (var stream in streams)
        {
            stream.Fail(error);
            stream.OnClosed();
        }

        WakeWindowWaiters();
        _socket.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Abort(new HttpRequestException("The HTTP/2 connection was closed."));
        return ValueTask.CompletedTask;
    }
}
