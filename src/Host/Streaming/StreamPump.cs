using ActorTrading.Grpc;
using ActorTrading.Host.Api;
using ActorTrading.Host.Composition;
using ActorTrading.Host.Configuration;
using ActorTrading.Runtime.Cluster;
using Microsoft.Extensions.Options;

namespace ActorTrading.Host.Streaming;

/// <summary>
/// Serves one server stream from actors: subscribes, sends the response headers once every target confirmed (so a
/// client knows the stream is live), then writes what the buffer yields until the client cancels (the call simply
/// ends), the source fails (its status) or the node stops (UNAVAILABLE, so clients reconnect elsewhere).
/// </summary>
public sealed class StreamPump(ActorHost actors, ActorRouter router, IHostApplicationLifetime lifetime, IOptions<NodeOptions> options)
{
    private int _active;

    public int BufferSize => options.Value.StreamBufferSize;

    /// <summary>Streams being served now.</summary>
    public int Active => Volatile.Read(ref _active);

    /// <summary>Raised after a stream has ended and unsubscribed (tests wait on it instead of sleeping).</summary>
    public event Action? Ended;

    public async Task RunAsync<T>(IReadOnlyList<ClusterIdentity> targets, object subscribe, object unsubscribe, IStreamBuffer<T> buffer,
        Func<object, T?> convert, IServerStreamWriter<T> writer, ServerCallContext context, Action<T>? written = null) where T : class
    {
        if (!actors.IsStarted) throw new RpcException(new Status(StatusCode.Unavailable, "the node is starting or stopping"));
        Interlocked.Increment(ref _active);
        try
        {
            await ServeAsync(targets, subscribe, unsubscribe, buffer, convert, writer, context, written).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _active);
            Ended?.Invoke();
        }
    }

    private async Task ServeAsync<T>(IReadOnlyList<ClusterIdentity> targets, object subscribe, object unsubscribe, IStreamBuffer<T> buffer,
        Func<object, T?> convert, IServerStreamWriter<T> writer, ServerCallContext context, Action<T>? written) where T : class
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        await using var subscription = await ActorSubscription.StartAsync(actors.System, router, targets, subscribe, unsubscribe, buffer,
            convert, options.Value.ActorRequestTimeout, stop.Token).ConfigureAwait(false);
        await context.WriteResponseHeadersAsync(new Metadata()).ConfigureAwait(false);
        try
        {
            await foreach (var item in buffer.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                await writer.WriteAsync(item, stop.Token).ConfigureAwait(false);
                written?.Invoke(item);
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "the node is shutting down; subscribe again on another node"));
        }
    }
}
