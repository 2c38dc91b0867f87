namespace ActorTrading.Grpc;

/// <summary>
/// A stream of incoming messages. <see cref="MoveNext"/> returning false means the peer half-closed:
/// "no more messages", never "commit" (a client may half-close and then cancel).
/// </summary>
public interface IAsyncStreamReader<out T>
{
    T Current { get; }

    Task<bool> MoveNext(CancellationToken cancellationToken);
}
