using ActorTrading.Grpc.Interop.Framing;

namespace ActorTrading.Grpc.Interop.Client;

/// <summary>
/// An HTTP handler under the channel that notes the compressed flag of every response message of the last call
/// (<see cref="Last"/>): our client, like Grpc.Net.Client, does not expose per-message flags, but the
/// server_compressed_* cases must assert them. The cases of one client run one after another.
/// </summary>
internal sealed class ResponseFrameRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public FrameFlags Last { get; private set; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var flags = new FrameFlags();
        Last = flags;
        var original = response.Content;
        var body = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var sniffed = new StreamContent(new FrameSniffingStream(body, flags));
        foreach (var header in original.Headers)
        {
            sniffed.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = sniffed;
        return response;
    }
}
