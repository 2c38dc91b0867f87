using System.Buffers;
using System.Buffers.Text;

namespace ActorTrading.Grpc;

/// <summary>
/// Reads an application/grpc-web-text body: base64 text in, bytes out. Chunks may be padded in the middle of the stream
/// (each frame encoded on its own), so decoding goes group of 4 by group of 4 and restarts after padding.
/// </summary>
internal sealed class Base64DecodingStream(Stream inner) : Stream
{
    private readonly byte[] _text = new byte[16 * 1024];
    private int _start;
    private int _end;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var decoded = Decode(buffer.Span);
            if (decoded > 0)
            {
                return decoded;
            }

            if (_start > 0)
            {
                _text.AsSpan(_start, _end - _start).CopyTo(_text);
                _end -= _start;
                _start = 0;
            }

            var read = await inner.ReadAsync(_text.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (_end - _start != 0)
                {
                    throw new InvalidDataException("The grpc-web-text body ended in the middle of a base64 group.");
                }

                return 0;
            }

            _end += read;
        }
    }

    private int Decode(Span<byte> destination)
    {
        var available = (_end - _start) / 4 * 4;
        if (available == 0 || destination.Length < 3)
        {
            return 0;
        }

        var text = _text.AsSpan(_start, available);
        var padding = text.IndexOf((byte)'=');
        if (padding >= 0)
        {
            text = text[..((padding / 4 + 1) * 4)];
        }

        var groups = Math.Min(text.Length / 4, destination.Length / 3);
        text = text[..(groups * 4)];
        var status = Base64.DecodeFromUtf8(text, destination, out var consumed, out var written, isFinalBlock: true);
        if (status != OperationStatus.Done)
        {
            throw new InvalidDataException("The grpc-web-text body is not valid base64.");
        }

        _start += consumed;
        return written;
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
