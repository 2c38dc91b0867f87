using System.Net;
using System.Net.Http.Headers;
using ActorTrading.Grpc.Http2;

namespace ActorTrading.Grpc;

/// <summary>
/// A call over any <see cref="HttpMessageHandler"/> (<see cref="GrpcTransport.HttpClient"/>, a user's handler or a
/// <see cref="DelegatingHandler"/> over ours): the request becomes an <see cref="HttpRequestMessage"/>, the response's
/// headers and trailers are copied into lists once.
/// </summary>
internal sealed class HttpClientTransportCall : ITransportCall
{
    private readonly StreamingRequestContent? _requestContent;
    private readonly Task<HttpResponseMessage> _send;
    private HttpResponseMessage? _response;
    private Stream? _body;
    private List<KeyValuePair<string, string>>? _trailers;

    public HttpClientTransportCall(HttpMessageInvoker invoker, Uri uri, in RequestHead head, ReadOnlyMemory<byte>? body, CancellationToken cancellationToken)
    {
        HttpContent content;
        if (body is { } frame)
        {
            content = new FrameContent(frame);
        }
        else
        {
            content = _requestContent = new StreamingRequestContent();
        }

        var message = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        AddHeaders(message.Headers, head);
        _send = invoker.SendAsync(message, cancellationToken);
        ResponseStarted = ReceiveAsync();
    }

    public Task ResponseStarted { get; }

    public int HttpStatus => (int)Response.StatusCode;

    public List<KeyValuePair<string, string>> Headers { get; private set; } = [];

    public Stream Body => _body ?? throw new InvalidOperationException("The response has not started.");

    public List<KeyValuePair<string, string>> Trailers => _trailers ??= _response is null ? [] : ToList(_response.TrailingHeaders, null);

    private HttpResponseMessage Response => _response ?? throw new InvalidOperationException("The response has not started.");

    private async Task ReceiveAsync()
    {
        var response = await _send.ConfigureAwait(false);
        _response = response;
        Headers = ToList(response.Headers, response.Content.Headers);
        _body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
    }

    public async ValueTask WriteFrameAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        var stream = await _requestContent!.StreamAsync.WaitAsync(cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public void CompleteRequest() => _requestContent?.Complete();

    public void AbortRequest(Exception reason) => _requestContent?.Abort(reason);

    public void Dispose() => _response?.Dispose();

    private static void AddHeaders(HttpRequestHeaders headers, in RequestHead head)
    {
        headers.TryAddWithoutValidation("te", "trailers");
        if (head.Timeout is { } timeout)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, timeout);
        }

        if (head.Encoding is { } encoding)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, encoding);
        }

        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, head.AcceptEncoding);
        headers.TryAddWithoutValidation("user-agent", head.UserAgent);
        if (head.Metadata is { } metadata)
        {
            foreach (var entry in metadata)
            {
                if (RequestHead.IsSent(entry))
                {
                    headers.TryAddWithoutValidation(entry.Key, MetadataCodec.ToHeaderValue(entry));
                }
            }
        }
    }

    /// <summary>Every value of every header (lower-case names, pseudo-headers never appear here).</summary>
    private static List<KeyValuePair<string, string>> ToList(HttpHeaders headers, HttpHeaders? more)
    {
        var list = new List<KeyValuePair<string, string>>(headers.NonValidated.Count + (more?.NonValidated.Count ?? 0));
        Append(list, headers);
        if (more is not null)
        {
            Append(list, more);
        }

        return list;
    }

    /// <summary>HttpClient gives known headers their canonical casing; the ones every gRPC response has map to constants.</summary>
    private static string LowerName(string name) => name switch
    {
        "Content-Type" => "content-type",
        "Date" => "date",
        "Server" => "server",
        _ => name.ToLowerInvariant(), // returns the same string when it is already lower case
    };

    private static void Append(List<KeyValuePair<string, string>> list, HttpHeaders headers)
    {
        foreach (var header in headers.NonValidated)
        {
            var name = LowerName(header.Key);
            foreach (var value in header.Value)
            {
                list.Add(new(name, value));
            }
        }
    }
}
