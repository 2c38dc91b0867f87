using Google.Protobuf;

namespace ActorTrading.Grpc;

/// <summary>The response stream of a server- or duplex-streaming call.</summary>
internal sealed class ClientStreamReader<TRequest, TResponse>(ClientCall<TRequest, TResponse> call) : IAsyncStreamReader<TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private TResponse? _current;

    public TResponse Current => _current ?? throw new InvalidOperationException("Call MoveNext first (and only read Current while it returned true).");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        _current = await call.ReadNextAsync(cancellationToken).ConfigureAwait(false);
        return _current is not null;
    }
}
