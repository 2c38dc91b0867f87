namespace ActorTrading.Grpc.Http2;

/// <summary>
/// One HTTP/2 stream of an <see cref="Http2Connection"/>: the response headers, the received body (this object is the
/// response body <see cref="System.IO.Stream"/>), trailers, send window, reset and cancellation. A gRPC call uses it
/// directly as its <see cref="ITransportCall"/> (<c>Http2Stream.Call.cs</c>); <see cref="Http2Handler"/> wraps it in an
/// <see cref="HttpResponseMessage"/>. Receive state is guarded by <c>this</c>; send state by the connection's write lock.
/// Events from the reader loop wake the caller once per socket read (<see cref="Http2Connection.QueueWake"/>), so a
/// response whose HEADERS, DATA and trailers arrive together costs one hand-off.
/// The waiters' tasks run their continuations where they are completed, and they are completed in exactly two places
/// (<see cref="Deliver"/>): a thread-pool work item of this stream (<see cref="Schedule"/>), or the reader loop's
/// thread once the loop's next socket read is registered and no longer needs that thread
/// (<see cref="Http2Connection"/> <c>ReadAndDeliverAwaitable</c>). The caller's code therefore never runs on a thread the
/// reader loop or a canceller is waiting for.
/// </summary>
internal sealed partial class Http2Stream : IThreadPoolWorkItem
{
    private readonly TaskCompletionSource _headersArrived = new();
    private readonly HttpRequestMessage? _request;
    private readonly RequestHead _head;
    private CancellationTokenRegistration _cancellation;
    private List<KeyValuePair<string, string>>? _responseHeaders;
    private List<KeyValuePair<string, string>>? _trailers;
    private HttpResponseMessage? _message;
    private bool _headersPending;

    /// <summary>A stream for an <see cref="HttpRequestMessage"/> (the handler path).</summary>
    public Http2Stream(Http2Connection connection, HttpRequestMessage request)
    {
        Connection = connection;
        _request = request;
    }

    /// <summary>A stream for a gRPC call below HttpMessageHandler.</summary>
    public Http2Stream(Http2Connection connection, in RequestHead head)
    {
        Connection = connection;
        _head = head;
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

    /// <summary>Queued for a wake-up at the end of the reader loop's current batch (reader loop only).</summary>
    public bool WakeQueued { get; set; }

    /// <summary>Writes the request's header block (connection write lock, in wire order).</summary>
    public void EncodeRequestHeaders(System.Buffers.IBufferWriter<byte> output, string scheme, string authority, HpackEncoderTable? table)
    {
        if (_request is not null)
        {
            Http2RequestHeaders.Encode(output, _request, scheme, authority, table);
        }
        else
        {
            Http2RequestHeaders.Encode(output, _head, scheme, authority, table);
        }
    }

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
        if (_responseHeaders is null)
        {
            var status = 0;
            var fields = new List<KeyValuePair<string, string>>(headers.Count);
            foreach (var field in headers)
            {
                if (field.Key == ":status")
                {
                    _ = int.TryParse(field.Value, out status);
                }
                else if (field.Key.Length > 0 && field.Key[0] != ':')
                {
                    fields.Add(field);
                }
            }

            if (status is >= 100 and < 200 && !endStream)
            {
                return; // informational
            }

            lock (this)
            {
                HttpStatus = status;
                _responseHeaders = fields;
                _headersPending = true;
            }

            if (endStream)
            {
                OnRemoteEnd();
            }

            Connection.QueueWake(this);
            return;
        }

        if (!endStream)
        {
            Reset(Http2Protocol.ProtocolError, new HttpProtocolException(Http2Protocol.ProtocolError, "Trailers without END_STREAM.", null));
            return;
        }

        var trailers = new List<KeyValuePair<string, string>>(headers.Count);
        foreach (var field in headers)
        {
            if (field.Key.Length > 0 && field.Key[0] != ':')
            {
                trailers.Add(field);
            }
        }

        lock (this)
        {
            _trailers = trailers;
            CopyTrailers();
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

    /// <summary>The stream is dead (connection loss, GOAWAY, reset): fail whatever waits on it, at once (on the thread pool).</summary>
    public void Fail(Exception error)
    {
        lock (this)
        {
            Error ??= error;
        }

        Schedule();
    }

    /// <summary>Tells the waiters what happened on a thread-pool thread (one work item).</summary>
    public void Schedule() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);

    void IThreadPoolWorkItem.Execute() => Deliver();

    /// <summary>
    /// Completes the waiters on this thread: the headers task (arrived, or failed with <see cref="Error"/>) and a
    /// pending body read. Their continuations (the caller's code) run here, so only a thread-pool work item or the
    /// reader loop's hand-over slot may call this.
    /// </summary>
    public void Deliver()
    {
        bool headers;
        Exception? error;
        TaskCompletionSource? waiter;
        lock (this)
        {
            headers = _headersPending;
            _headersPending = false;
            error = Error;
            waiter = _dataWaiter;
            _dataWaiter = null;
        }

        if (error is OperationCanceledException oce)
        {
            _headersArrived.TrySetCanceled(oce.CancellationToken);
        }
        else if (error is not null)
        {
            _headersArrived.TrySetException(error is HttpRequestException ? error : new HttpRequestException(error.Message, error));
        }
        else if (headers)
        {
            _headersArrived.TrySetResult();
        }

        waiter?.TrySetResult();
    }

    /// <summary>Both directions are done: the connection forgets the stream.</summary>
    public void OnClosed() => _cancellation.Dispose();
}
