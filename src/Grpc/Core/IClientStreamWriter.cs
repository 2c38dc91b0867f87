namespace ActorTrading.Grpc;

/// <summary>Writes request messages of a client- or duplex-streaming call.</summary>
public interface IClientStreamWriter<in T>
{
    WriteOptions? WriteOptions { get; set; }

    Task WriteAsync(T message, CancellationToken cancellationToken = default);

    /// <summary>Half-closes the request stream (END_STREAM). It does not end the call.</summary>
    Task CompleteAsync();
}
