using Google.Protobuf;

namespace ActorTrading.Grpc;

/// <summary>The response stream of a server- or duplex-streaming call.</summary>
internal sealed class ServerStreamWriter<T>(ServerCallContext context) : IServerStreamWriter<T>
    where T : class, IMessage<T>
{
    public WriteOptions? WriteOptions { get; set; }

    public async Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        context.CancellationToken.ThrowIfCancellationRequested();
        context.WriteMessage(message, WriteOptions);
        await context.FlushAsync(Token(cancellationToken)).ConfigureAwait(false);
    }

    public ValueTask WriteBufferedAsync(T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        context.CancellationToken.ThrowIfCancellationRequested();
        context.WriteMessage(message, WriteOptions);
        return context.ShouldFlush ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        var flush = context.FlushAsync(Token(cancellationToken));
        if (flush.IsCompletedSuccessfully)
        {
            flush.GetAwaiter().GetResult();
            return ValueTask.CompletedTask;
        }

        return Await(flush);

        static async ValueTask Await(ValueTask<System.IO.Pipelines.FlushResult> flush) => await flush.ConfigureAwait(false);
    }

    private CancellationToken Token(CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled && cancellationToken != context.CancellationToken ? cancellationToken : context.FlushToken;
}
