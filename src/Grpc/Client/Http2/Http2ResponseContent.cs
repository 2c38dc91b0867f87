using System.Net;

namespace ActorTrading.Grpc.Http2;

/// <summary>The response body of an <see cref="Http2Stream"/>; disposing it resets the stream if the response was not complete.</summary>
internal sealed class Http2ResponseContent(Http2Stream stream) : HttpContent
{
    private Task<Stream>? _streamTask;

    protected override Task<Stream> CreateContentReadStreamAsync() => _streamTask ??= Task.FromResult<Stream>(stream);

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => CreateContentReadStreamAsync();

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => stream;

    protected override Task SerializeToStreamAsync(Stream target, TransportContext? context) => stream.CopyToAsync(target);

    protected override Task SerializeToStreamAsync(Stream target, TransportContext? context, CancellationToken cancellationToken) =>
        stream.CopyToAsync(target, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stream.Dispose();
        }

        base.Dispose(disposing);
    }
}
