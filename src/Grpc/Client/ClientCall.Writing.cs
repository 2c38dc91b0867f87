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
            var transport = _transport ?? (_transport = await _starting!.ConfigureAwait(false));
            await transport.WriteFrameAsync(frame, Combine(cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException && !Token.IsCancellationRequested &&
                                   _transport is { ResponseStarted.IsCompletedSuccessfully: true } transport &&
                                   ClientResponse.EarlyStatus(transport.HttpStatus, transport.Headers) is { } early)
        {
            // The server ended the call (e.g. UNAUTHENTICATED as Trailers-Only) while we were writing: report its status.
            throw Complete(early);
        }
        catch (Exception ex)
        {
            throw Fail(ex);
        }
    }

    /// <summary>Half-closes the request stream. Never throws: a call that failed reports it on the response side.</summary>
    public async Task CompleteAsync()
    {
        _completed = true;
        ITransportCall transport;
        try
        {
            transport = _transport ?? (_transport = await _starting!.ConfigureAwait(false));
        }
        catch (Exception)
        {
            return; // the call never started: reading the response reports why
        }

        transport.CompleteRequest();
    }
}
