namespace ActorTrading.Grpc;

/// <summary>Writes response messages of a server- or duplex-streaming call.</summary>
public interface IServerStreamWriter<in T>
{
    /// <summary>Options for the following writes (null = default).</summary>
    WriteOptions? WriteOptions { get; set; }

    /// <summary>Writes and flushes one message: when the task completes, the message is handed to the transport.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes one message into the response buffer without flushing (a flush happens anyway once 64 KiB are
    /// buffered). Use it when more messages are ready right now, then call <see cref="FlushAsync"/> (or write the
    /// last ready one with <see cref="WriteAsync"/>): this is what makes streaming millions of small messages cheap.
    /// </summary>
    ValueTask WriteBufferedAsync(T message, CancellationToken cancellationToken = default);

    /// <summary>Flushes messages written with <see cref="WriteBufferedAsync"/>.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken = default);
}
