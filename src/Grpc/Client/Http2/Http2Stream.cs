using System.Net;

namespace ActorTrading.Grpc.Http2;

/// <summary>
/// One HTTP/2 stream of an <see cref="Http2Connection"/>: the response headers (completing SendAsync), the received body
/// (this object is the response body <see cref="System.IO.Stream"/>), trailers, send window, reset and cancellation.
/// Receive state is guarded by <c>this</c>; send state by the connection's write lock.
/// </summary>
internal sealed partial class Http2Stream
{
    private readonly TaskCompletionSource<HttpResponseMessage> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HttpRequestMessage _request;
    private CancellationTokenRegistration _cancellation;
    private HttpResponseMessage? _message;

    public Http2Stream(Http2Connection connection, HttpRequestMessage request)
    {
        Connection = connection;
        _request = request;
    }

    public Http2Connection Connection { get; }

    /// <summary>Assigned when HEADERS is written (stream ids must rise in the order they reach the wire).</summary>
    public int Id { get; set; }

    /// <summary>What we may still send on this stream (connection write lock).</summary>
    public long SendWindow { get; set; }

    /// <summary>We sent END_STREAM or RST_STREAM (connection write lock).</summary>
    public bool LocalClosed { get; set; }

    /// <summary>Set when the stream failed (reset, connection loss, cancellation); later sends throw it.</summary>
    public Exception? Error { get; private set; }

    public Task<HttpResponseMessage> ResponseTask => _response.Task;

    public void RegisterCancellation(CancellationToken token)
    {
        if (token.CanBeCanceled)
        {
            _cancellation = token.UnsafeRegister(static (state, t) => ((Http2Stream)state!).Cancel(new OperationCanceledException(t)), this);
        }
    }

    /// <summary>A header block arrived (reader loop): the response headers, or the trailers.</summary>
    public void OnHeaders(List<KeyValuePair<string, string>> headers, bool endStream)
    {
        if (_message is null)
        {
            var status = 0;
            foreach (var (name, value) in headers)
            {
                if (name == ":status")
                {
                    _ = int.TryParse(value, out status);
                }
            }

            if (status is >= 100 and < 200 && !endStream)
            {
                return; // informational
            }

            var message = new HttpResponseMessage((HttpStatusCode)status)
            {
                Version = HttpVersion.Version20,
                RequestMessage = _request,
                Content = new Http2ResponseContent(this),
            };
            foreach (var (name, value) in headers)
            {
                if (name.Length > 0 && name[0] != ':' && !message.Headers.TryAddWithoutValidation(name, value))
                {
                    message.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            _message = message;
            if (endStream)
            {
                OnRemoteEnd();
            }

            _response.TrySetResult(message);
            return;
        }

        if (!endStream)
        {
            Reset(Http2Protocol.ProtocolError, new HttpProtocolException(Http2Protocol.ProtocolError, "Trailers without END_STREAM.", null));
            return;
        }

        foreach (var (name, value) in headers)
        {
            if (name.Length > 0 && name[0] != ':')
            {
                _message.TrailingHeaders.TryAddWithoutValidation(name, value);
            }
        }

        OnRemoteEnd();
    }

    /// <summary>The server reset the stream.</summary>
    public void OnReset(int errorCode)
    {
        if (errorCode == Http2Protocol.NoError && RemoteEnded)
        {
            // Normal after a complete response while our request was still open: stop sending.
            Connection.CloseLocal(this, sendReset: false);
            return;
        }

        Fail(new HttpProtocolException(errorCode, $"The server reset the stream (HTTP/2 error {errorCode}).", null));
        Connection.CloseLocal(this, sendReset: false);
    }

    /// <summary>Our side gives up on the stream: RST_STREAM CANCEL (unless it is already closed) and fail the waiters.</summary>
    public void Cancel(Exception reason) => Reset(Http2Protocol.Cancel, reason);

    private void Reset(int errorCode, Exception reason)
    {
        var completed = RemoteEnded && ReceivedAll;
        if (!completed)
        {
            Fail(reason);
        }

        Connection.Reset(this, errorCode);
    }

    /// <summary>The stream is dead (connection loss, GOAWAY, reset): fail whatever waits on it.</summary>
    public void Fail(Exception error)
    {
        lock (this)
        {
            Error ??= error;
        }

        if (error is OperationCanceledException oce)
        {
            _response.TrySetCanceled(oce.CancellationToken);
        }
        else
        {
            _response.TrySetException(error is HttpRequestException or OperationCanceledException ? error : new HttpRequestException(error.Message, error));
        }

        WakeReader();
    }

    /// <summary>Both directions are done: the connection forgets the stream.</summary>
    public void OnClosed() => _cancellation.Dispose();
}
