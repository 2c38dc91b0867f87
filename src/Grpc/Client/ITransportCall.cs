namespace ActorTrading.Grpc;

/// <summary>
/// One call's HTTP/2 exchange as <see cref="ClientCall{TRequest,TResponse}"/> sees it, below
/// <see cref="HttpMessageHandler"/>: our transport's stream implements it directly (<c>Http2/Http2Stream.Call.cs</c>),
/// <see cref="HttpClientTransportCall"/> adapts any other handler. Header names are lower case.
/// </summary>
internal interface ITransportCall : IDisposable
{
    /// <summary>Completes when the response headers arrived; faults with the transport's failure.</summary>
    Task ResponseStarted { get; }

    /// <summary>The HTTP status (after <see cref="ResponseStarted"/>).</summary>
    int HttpStatus { get; }

    /// <summary>The response headers without pseudo-headers (after <see cref="ResponseStarted"/>).</summary>
    List<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The response body (after <see cref="ResponseStarted"/>); reading 0 means the server ended the stream.</summary>
    Stream Body { get; }

    /// <summary>The trailers (complete once <see cref="Body"/> has ended; empty before).</summary>
    List<KeyValuePair<string, string>> Trailers { get; }

    /// <summary>Sends one request frame of a streaming call at once.</summary>
    ValueTask WriteFrameAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken);

    /// <summary>Ends the request stream (END_STREAM, the half-close).</summary>
    void CompleteRequest();

    /// <summary>Stops sending: the call ended or failed; an open request stream is reset.</summary>
    void AbortRequest(Exception reason);
}
