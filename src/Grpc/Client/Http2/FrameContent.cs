using System.Net;

namespace ActorTrading.Grpc.Http2;

/// <summary>
/// A request body that is already complete in memory (unary and server-streaming requests). <see cref="Http2Handler"/>
/// writes it in the same socket write as the HEADERS; any other handler just copies it.
/// </summary>
internal sealed class FrameContent : HttpContent
{
    public FrameContent(ReadOnlyMemory<byte> frame)
    {
        Frame = frame;
        Headers.TryAddWithoutValidation("Content-Type", GrpcProtocol.ContentType);
    }

    public ReadOnlyMemory<byte> Frame { get; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(Frame).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Frame, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = Frame.Length;
        return true;
    }
}
