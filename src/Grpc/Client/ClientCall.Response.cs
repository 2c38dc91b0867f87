using System.Runtime.CompilerServices;
using System.Net.Http;

namespace ActorTrading.Grpc;

/// <summary>Reading the response: headers, messages, then the status from trailers.</summary>
internal sealed partial class ClientCall<TRequest, TResponse>
{
    public async Task<Metadata> ResponseHeadersAsync()
    {
        try
        {
            await EnsureHeadAsync().ConfigureAwait(false);
        }
        catch (RpcException) when (_transport is { ResponseStarted.IsCompletedSuccessfully: true })
        {
            // Trailers-Only or an HTTP error: the headers are still the headers.
        }

        return _headers ??= _transport is { ResponseStarted.IsCompletedSuccessfully: true } transport
            ? ClientResponse.ToMetadata(transport.Headers)
            : new Metadata();
    }

    /// <summary>The next response message; null when the server ended the stream with OK. A non-OK status throws.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<TResponse?> ReadNextAsync(CancellationToken cancellationToken)
    {
        try
        {
            var reader = await EnsureResponseAsync().ConfigureAwait(false);
            if (reader is null)
            {
                return null;
            }

            var message = await reader.ReadAsync(_method.ResponseParser, _decompressor, Combine(cancellationToken)).ConfigureAwait(false);
            if (message is not null)
            {
                return message;
            }

            Finish();
            return null;
        }
        catch (Exception ex)
        {
            throw Fail(ex);
        }
    }

    /// <summary>The single response message of a unary or client-streaming call.</summary>
    /// <param name="disposeWhenDone">Dispose the call at the end (the <see cref="GrpcClient.UnaryAsync"/> fast path: one async frame per call).</param>
    public async Task<TResponse> ReadUnaryAsync(bool disposeWhenDone = false)
    {
        try
        {
            var message = await ReadNextAsync(CancellationToken.None).ConfigureAwait(false)
                ?? throw Violation("The server ended the call with OK but sent no response message.");
            if (await ReadNextAsync(CancellationToken.None).ConfigureAwait(false) is not null)
            {
                throw Violation("The server sent more than one response message to a unary call.");
            }

            return message;
        }
        finally
        {
            if (disposeWhenDone)
            {
                Dispose();
            }
        }
    }

    /// <summary>The server broke the call's shape: the call ends INTERNAL whatever status it sent.</summary>
    private RpcException Violation(string detail)
    {
        _status = new Status(StatusCode.Internal, detail);
        EndRequest();
        return new RpcException(_status.Value, _trailers ?? new Metadata());
    }

    public Status GetStatus() => _status ?? throw new InvalidOperationException("The call has not finished: read the response first.");

    public Metadata GetTrailers() => _trailers ??= _status is null
        ? throw new InvalidOperationException("The call has not finished: read the response first.")
        : _transport is { ResponseStarted.IsCompletedSuccessfully: true } transport ? ClientResponse.ToMetadata(transport.Trailers) : new Metadata();

    /// <summary>The frame reader, or null when the call already ended with OK (Trailers-Only).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<StreamFrameReader?> EnsureResponseAsync()
    {
        if (_reader is not null)
        {
            return _reader;
        }

        if (_status is { StatusCode: StatusCode.OK })
        {
            return null;
        }

        var transport = await EnsureHeadAsync().ConfigureAwait(false);
        if (transport is null)
        {
            return null;
        }

        var encoding = ClientResponse.Encoding(transport.Headers);
        if (encoding is not null && encoding != GrpcProtocol.IdentityEncoding)
        {
            _decompressor = CompressionProviders.Find(_channel.Providers, encoding)
                ?? throw Complete(new Status(StatusCode.Internal, $"The server used grpc-encoding '{encoding}', which this client did not offer."));
        }

        return _reader ??= new StreamFrameReader(transport.Body, _channel.Options.MaxReceiveMessageSize);
    }

    /// <summary>Waits for the response headers; null when they ended the call with OK (Trailers-Only); a non-OK early status throws.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ITransportCall?> EnsureHeadAsync()
    {
        ITransportCall transport;
        try
        {
            transport = _transport ?? (_transport = await _starting!.ConfigureAwait(false));
            if (!transport.ResponseStarted.IsCompletedSuccessfully)
            {
                await transport.ResponseStarted.ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            throw Fail(ex);
        }

        if (ClientResponse.EarlyStatus(transport.HttpStatus, transport.Headers) is { } early)
        {
            _trailers = ClientResponse.ToMetadata(transport.Headers);
            if (early.StatusCode == StatusCode.OK)
            {
                _status = early;
                EndRequest();
                return null;
            }

            throw Complete(early);
        }

        return transport;
    }

    private void Finish()
    {
        var trailers = _transport!.Trailers;
        var status = ClientResponse.ReadStatus(trailers) ?? new Status(StatusCode.Unknown, "No grpc-status found on response.");
        if (status.StatusCode != StatusCode.OK)
        {
            _trailers = ClientResponse.ToMetadata(trailers);
            throw Complete(status);
        }

        _status = status;
        EndRequest();
    }

    private RpcException Complete(Status status)
    {
        _status ??= status;
        EndRequest();
        return new RpcException(_status.Value, _trailers ?? new Metadata());
    }

    /// <summary>The server has ended the call: a request stream still open is pointless, so stop HttpClient waiting on it.</summary>
    private void EndRequest()
    {
        if (_streamingRequest && !_completed && _transport is { } transport)
        {
            transport.AbortRequest(new RpcException(_status ?? Status.DefaultSuccess, "The call has finished: no more request messages can be sent."));
        }
    }

    /// <summary>Turns any failure into the RpcException the caller sees, and records the status.</summary>
    private RpcException Fail(Exception ex)
    {
        if (ex is RpcException rpc)
        {
            _status ??= rpc.Status;
            return rpc;
        }

        Status status;
        if (DeadlinePassed)
        {
            // Our timer fired, or the server reset the stream at the same deadline: either way the deadline ended it.
            status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }
        else if (ex is OperationCanceledException || Token.IsCancellationRequested)
        {
            status = new Status(StatusCode.Cancelled, "Call canceled by the client.");
        }
        else
        {
            var cause = ex is HttpRequestException { InnerException: HttpProtocolException inner } ? inner : ex;
            status = cause switch
            {
                HttpProtocolException { ErrorCode: 8 } => new Status(StatusCode.Cancelled, "The server reset the stream (CANCEL)."),
                HttpProtocolException { ErrorCode: 7 } => new Status(StatusCode.Unavailable, "The server refused the stream."),
                HttpProtocolException { ErrorCode: 11 } => new Status(StatusCode.ResourceExhausted, "The server said ENHANCE_YOUR_CALM."),
                HttpProtocolException p => new Status(StatusCode.Internal, $"HTTP/2 error {p.ErrorCode}: {p.Message}"),
                HttpRequestException or IOException => new Status(StatusCode.Unavailable, $"Error in gRPC call. {ex.GetType().Name}: {ex.Message}"),
                _ => new Status(StatusCode.Internal, $"Error in gRPC call. {ex.GetType().Name}: {ex.Message}"),
            };
        }

        _status ??= status;
        if (_streamingRequest)
        {
            _transport?.AbortRequest(ex);
        }
        return new RpcException(_status.Value, _trailers ?? new Metadata(), ex.Message);
    }

    private bool DeadlinePassed =>
        _deadline is { } deadline && !_userToken.IsCancellationRequested && !_disposed &&
        (Token.IsCancellationRequested || DateTime.UtcNow >= deadline);

    /// <summary>A per-read token cancels the whole call (gRPC cannot cancel one read); registered once per distinct token.</summary>
    private CancellationToken Combine(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled && cancellationToken != Token && cancellationToken != _userToken && cancellationToken != _registeredToken)
        {
            _registration.Dispose();
            _registeredToken = cancellationToken;
            _registration = cancellationToken.Register(static state => ((ClientCall<TRequest, TResponse>)state!).Dispose(), this);
        }

        return Token;
    }
}
