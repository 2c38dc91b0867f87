using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace ActorTrading.Grpc;

/// <summary>Reads length-prefixed frames from a response stream into a pooled buffer.</summary>
internal sealed class StreamFrameReader(Stream stream, int maxReceiveSize) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(32 * 1024);
    private int _start;
    private int _end;

    /// <summary>The next message, or null at a clean end of stream.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<T?> ReadAsync<T>(MessageParser<T> parser, ICompressionProvider? decompressor, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        if (!await FillAsync(GrpcProtocol.FrameHeaderSize, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var flags = _buffer[_start];
        var length = BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_start + 1));
        if (length > (uint)maxReceiveSize)
        {
            ThrowHelper.ReceiveTooLarge(length, maxReceiveSize);
        }

        var total = GrpcProtocol.FrameHeaderSize + (int)length;
        if (!await FillAsync(total, cancellationToken).ConfigureAwait(false))
        {
            ThrowHelper.IncompleteMessage();
        }

        var payload = new ReadOnlySequence<byte>(_buffer, _start + GrpcProtocol.FrameHeaderSize, (int)length);
        _start += total;
        return FrameCodec.ReadMessage(parser, flags, payload, decompressor, maxReceiveSize);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> FillAsync(int needed, CancellationToken cancellationToken)
    {
        if (_end - _start >= needed)
        {
            return true;
        }

        if (_buffer.Length - _start < needed)
        {
            var bigger = _buffer.Length >= needed ? _buffer : ArrayPool<byte>.Shared.Rent(needed);
            Buffer.BlockCopy(_buffer, _start, bigger, 0, _end - _start);
            if (!ReferenceEquals(bigger, _buffer))
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }

            _end -= _start;
            _start = 0;
        }

        while (_end - _start < needed)
        {
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (_end != _start)
                {
                    ThrowHelper.IncompleteMessage();
                }

                return false;
            }

            _end += read;
        }

        return true;
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
