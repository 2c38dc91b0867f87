using System.Net.Security;

namespace ActorTrading.Grpc.Http2;

/// <summary>Settings of an <see cref="Http2Handler"/>.</summary>
public sealed class Http2HandlerOptions
{
    /// <summary>TLS settings for https:// (e.g. a certificate validation callback); ALPN is always h2.</summary>
    public SslClientAuthenticationOptions? SslOptions { get; set; }

    /// <summary>The receive window each stream gets (SETTINGS_INITIAL_WINDOW_SIZE). Default 4 MiB.</summary>
    public int StreamWindow { get; set; } = Http2Connection.DefaultStreamWindow;

    /// <summary>
    /// Index the request fields every call repeats (path, authority, content-type, te, ...) in the HPACK dynamic table,
    /// so later calls send one byte per field (<see cref="HpackEncoderTable"/>). Default true; false sends literals.
    /// </summary>
    public bool HeaderIndexing { get; set; } = true;

    /// <summary>
    /// When other calls are in flight on the connection, a new call's frames are written by a flush queued to the
    /// thread pool (behind the callers already running) instead of at once, so the calls that start together share one
    /// socket write. A lone call is always written at once. Default true; false writes every call at once.
    /// </summary>
    public bool CoalesceWrites { get; set; } = true;

    /// <summary>
    /// When a socket read wakes exactly one call, the reader loop hands its thread to that call once its next read is
    /// registered, so the call's continuation runs without a thread-pool hop (several woken calls are all queued). The
    /// loop never waits for that code. Default true; false queues every wake-up to the thread pool.
    /// </summary>
    public bool InlineDelivery { get; set; } = true;
}
