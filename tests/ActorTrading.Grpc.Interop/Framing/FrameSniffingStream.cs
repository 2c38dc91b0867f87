namespace ActorTrading.Grpc.Interop.Framing;

/// <summary>
/// A read-only pass-through over a gRPC message stream (request or response body) that notes the compressed flag of every
/// length-prefixed message (1 flag byte, 4 length bytes, payload) into <see cref="FrameFlags"/>.
/// It never changes the bytes.
/// </summary>
internal sealed class FrameSniffingStream(Stream inner, FrameFlags flags) : Stream
{
    private int _headerPosition;
    private byte _flag;
    private uint _length;
    private long _payloadRemaining;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Observe(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Observe(buffer.AsSpan(offset, read));
        return read;
    }

    public override void Flush() { }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Observe(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_payloadRemaining > 0)
            {
                var skip = (int)Math.Min(_payloadRemaining, bytes.Length);
                _payloadRemaining -= skip;
                bytes = bytes[skip..];
                continue;
            }

            var b = bytes[0];
            bytes = bytes[1..];
            if (_headerPosition == 0)
            {
                _flag = b;
            }
            else
            {
                _length = (_length << 8) | b;
            }

            if (++_headerPosition == 5)
            {
                flags.Record((_flag & 1) != 0);
                _payloadRemaining = _length;
                _headerPosition = 0;
                _length = 0;
            }
        }
    }
}
