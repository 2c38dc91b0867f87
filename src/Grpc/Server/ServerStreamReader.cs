using Google.Protobuf;

namespace ActorTrading.Grpc;

/// <summary>The request stream of a client- or duplex-streaming call.</summary>
internal sealed class ServerStreamReader<T>(ServerCallContext context, MessageParser<T> parser) : IAsyncStreamReader<T>
    where T : class, IMessage<T>
{
    private T? _current;

    public T Current => _current ?? throw new InvalidOperationException("Call MoveNext first (and only read Current while it returned true).");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        cancellationToken.ThrowIfCancellationRequested();
        if (!cancellationToken.CanBeCanceled || cancellationToken == context.CancellationToken)
        {
            _current = await context.ReadMessageAsync(parser, context.CancellationToken).ConfigureAwait(false);
            return _current is not null;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken);
        _current = await context.ReadMessageAsync(parser, linked.Token).ConfigureAwait(false);
        return _current is not null;
    }
}
