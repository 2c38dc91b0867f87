namespace ActorTrading.Grpc.Http2;

/// <summary>The request body of a streaming call: each write becomes DATA frames (flow-controlled) and is sent at once.</summary>
internal sealed class Http2RequestStream(Http2Stream stream) : Stream
{
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        buffer.IsEmpty ? default : stream.Connection.WriteDataAsync(stream, buffer, endStream: false, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Every write is already on its way; a flush only surfaces a failed stream.</summary>
    public override Task FlushAsync(CancellationToken cancellationToken) =>
        stream.Error is { } error ? Task.FromException(error as IOException ?? new IOException(error.Message, error)) : Task.CompletedTask;

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
