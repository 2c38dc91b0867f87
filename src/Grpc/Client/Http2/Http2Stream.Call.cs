using System.Net;

namespace ActorTrading.Grpc.Http2;

/// <summary>
/// The stream as a gRPC call's transport (no HttpRequestMessage/HttpResponseMessage), and as an
/// <see cref="HttpResponseMessage"/> for <see cref="Http2Handler.SendAsync"/>.
/// </summary>
internal sealed partial class Http2Stream : ITransportCall
{
    private bool _streamingRequest;

    public Task ResponseStarted => _headersArrived.Task;

    public int HttpStatus { get; private set; }

    public List<KeyValuePair<string, string>> Headers => _responseHeaders ?? throw new InvalidOperationException("The response has not started.");

    public Stream Body => this;

    public List<KeyValuePair<string, string>> Trailers
    {
        get
        {
            lock (this)
            {
                return _trailers ??= [];
            }
        }
    }

    /// <summary>The request body will be written later (client and duplex streaming).</summary>
    public void MarkStreamingRequest() => _streamingRequest = true;

    public ValueTask WriteFrameAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken) =>
        frame.IsEmpty ? default : Connection.WriteDataAsync(this, frame, endStream: false, cancellationToken);

    public void CompleteRequest() => _ = EndRequestAsync();

    private async Task EndRequestAsync()
    {
        try
        {
            await Connection.WriteDataAsync(this, ReadOnlyMemory<byte>.Empty, endStream: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Cancel(ex);
        }
    }

    /// <summary>A streaming request still open is reset (a unary request was sent whole with the HEADERS: nothing to do).</summary>
    public void AbortRequest(Exception reason)
    {
        if (_streamingRequest)
        {
            Cancel(reason);
        }
    }

    /// <summary>The response for the handler path; trailers are copied in when they arrive (or now, if they already did).</summary>
    public HttpResponseMessage ToResponseMessage()
    {
        var message = new HttpResponseMessage((HttpStatusCode)HttpStatus)
        {
            Version = HttpVersion.Version20,
            RequestMessage = _request,
            Content = new Http2ResponseContent(this),
        };
        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        lock (this)
        {
            _message = message;
            CopyTrailers();
        }

        return message;
    }

    /// <summary>Under <c>this</c>: trailers into the handler path's message, once both exist.</summary>
    private void CopyTrailers()
    {
        if (_message is null || _trailers is null)
        {
            return;
        }

        foreach (var (name, value) in _trailers)
        {
            _message.TrailingHeaders.TryAddWithoutValidation(name, value);
        }
    }
}
