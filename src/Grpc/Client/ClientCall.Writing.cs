namespace ActorTrading.Grpc;

/// <summary>Writing request messages of a client- or duplex-streaming call.</summary>
internal sealed partial class ClientCall<TRequest, TResponse> : IClientStreamWriter<TRequest>
{
    private bool _completed;

    private WriteOptions? _streamWriteOptions;

    WriteOptions? IClientStreamWriter<TRequest>.WriteOptions
    {
        get => _streamWriteOptions;
        set => _streamWriteOptions = value;
    }

    public async Task WriteAsync(TRequest message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_status is { } status)
        {
            throw new RpcException(status, _trailers ?? new Metadata(), "The call has already finished.");
        }

        if (_completed)
        {
            throw new InvalidOperationException("The request stream was already completed.");
        }

        var frame = Serialize(message, _streamWriteOptions ?? Options.WriteOptions);
        try
        {
            var stream = await RequestContent!.StreamAsync.WaitAsync(Token).ConfigureAwait(false);
            await stream.WriteAsync(frame, Combine(cancellationToken)).ConfigureAwait(false);
            await stream.FlushAsync(Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException && !Token.IsCancellationRequested &&
                                   _send is { IsCompletedSuccessfully: true } send && ClientResponse.EarlyStatus(send.Result) is { } early)
        {
            // The server ended the call (e.g. UNAUTHENTICATED as Trailers-Only) while we were writing: report its status.
            throw Complete(early);
        }
        catch (Exception ex)
        {
            throw Fail(ex);
        }
    }

    public Task CompleteAsync()
    {
        _completed = true;
        RequestContent!.Complete();
        return Task.CompletedTask;
    }
}
