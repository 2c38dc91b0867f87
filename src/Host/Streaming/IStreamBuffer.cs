namespace ActorTrading.Host.Streaming;

/// <summary>
/// Between an actor that pushes (never blocks) and a gRPC writer that may be slow: bounded, so a slow reader never grows
/// memory. <see cref="Offer"/> is called on the actor's thread; the writer reads with <see cref="ReadAllAsync"/>.
/// </summary>
public interface IStreamBuffer<T> where T : class
{
    void Offer(T item);

    /// <summary>Ends the stream with <paramref name="error"/> after what is buffered.</summary>
    void Fail(Exception error);

    IAsyncEnumerable<T> ReadAllAsync(CancellationToken cancellationToken);
}
