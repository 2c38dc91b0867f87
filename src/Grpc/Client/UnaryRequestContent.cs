using System.Net;

namespace ActorTrading.Grpc;

/// <summary>The body of a unary or server-streaming request: one frame, known length.</summary>
internal sealed class UnaryRequestContent : HttpContent
{
    private readonly ReadOnlyMemory<byte> _frame;

    public UnaryRequestContent(ReadOnlyMemory<byte> frame)
    {
        _frame = frame;
        Headers.TryAddWithoutValidation("Content-Type", GrpcProtocol.ContentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(_frame).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_frame, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = _frame.Length;
        return true;
    }
}
