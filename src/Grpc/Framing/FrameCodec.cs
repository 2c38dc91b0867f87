using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace ActorTrading.Grpc;

/// <summary>
/// The length-prefixed message frame: 1 byte compressed flag, 4 bytes big-endian length, payload.
/// Writes straight into an <see cref="IBufferWriter{T}"/> (one span, no copy) and parses from a <see cref="ReadOnlySequence{T}"/>.
/// </summary>
public static class FrameCodec
{
    /// <summary>Writes <paramref name="message"/> as one frame; compresses when <paramref name="compression"/> is set. Returns the frame's length.</summary>
    public static int WriteMessage(IBufferWriter<byte> output, IMessage message, ICompressionProvider? compression, int maxSendSize)
    {
        var size = message.CalculateSize();
        if (size > maxSendSize)
        {
            ThrowHelper.SendTooLarge(size, maxSendSize);
        }

        if (compression is null)
        {
            var span = output.GetSpan(GrpcProtocol.FrameHeaderSize + size);
            span[0] = 0;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
            message.WriteTo(span.Slice(GrpcProtocol.FrameHeaderSize, size));
            output.Advance(GrpcProtocol.FrameHeaderSize + size);
            return GrpcProtocol.FrameHeaderSize + size;
        }

        return WriteCompressed(output, message, size, compression);
    }

    /// <summary>An uncompressed frame in a new array of exactly its size.</summary>
    public static byte[] ToFrame(IMessage message, int maxSendSize)
    {
        var size = message.CalculateSize();
        if (size > maxSendSize)
        {
            ThrowHelper.SendTooLarge(size, maxSendSize);
        }

        var frame = new byte[GrpcProtocol.FrameHeaderSize + size];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)size);
        message.WriteTo(frame.AsSpan(GrpcProtocol.FrameHeaderSize));
        return frame;
    }

    /// <summary>Writes an already-encoded payload (flag 0x80 frames of gRPC-Web trailers use this too).</summary>
    public static void WriteFrame(IBufferWriter<byte> output, byte flags, ReadOnlySpan<byte> payload)
    {
        var span = output.GetSpan(GrpcProtocol.FrameHeaderSize + payload.Length);
        span[0] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)payload.Length);
        payload.CopyTo(span[GrpcProtocol.FrameHeaderSize..]);
        output.Advance(GrpcProtocol.FrameHeaderSize + payload.Length);
    }

    /// <summary>
    /// Takes one complete frame off the front of <paramref name="buffer"/>. False when the frame is not complete yet.
    /// Throws RESOURCE_EXHAUSTED as soon as the header announces more than <paramref name="maxReceiveSize"/>.
    /// </summary>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxReceiveSize, out byte flags, out ReadOnlySequence<byte> payload)
    {
        payload = default;
        flags = 0;
        if (buffer.Length < GrpcProtocol.FrameHeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[GrpcProtocol.FrameHeaderSize];
        buffer.Slice(0, GrpcProtocol.FrameHeaderSize).CopyTo(header);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxReceiveSize)
        {
            ThrowHelper.ReceiveTooLarge(length, maxReceiveSize);
        }

        if (buffer.Length < GrpcProtocol.FrameHeaderSize + length)
        {
            return false;
        }

        flags = header[0];
        payload = buffer.Slice(GrpcProtocol.FrameHeaderSize, length);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    /// <summary>Parses a frame payload, decompressing it when the compressed flag is set.</summary>
    public static T ReadMessage<T>(MessageParser<T> parser, byte flags, in ReadOnlySequence<byte> payload, ICompressionProvider? decompressor, int maxReceiveSize)
        where T : IMessage<T>
    {
        if ((flags & 1) == 0)
        {
            return parser.ParseFrom(payload);
        }

        if (decompressor is null)
        {
            ThrowHelper.CompressedWithoutEncoding();
        }

        return parser.ParseFrom(Decompress(payload, decompressor, maxReceiveSize));
    }

    private static int WriteCompressed(IBufferWriter<byte> output, IMessage message, int size, ICompressionProvider compression)
    {
        var raw = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            message.WriteTo(raw.AsSpan(0, size));
            using var compressed = new MemoryStream();
            using (var zip = compression.CreateCompressionStream(compressed))
            {
                zip.Write(raw, 0, size);
            }

            var bytes = compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
            WriteFrame(output, 1, bytes);
            return GrpcProtocol.FrameHeaderSize + bytes.Length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
        }
    }

    private static byte[] Decompress(in ReadOnlySequence<byte> payload, ICompressionProvider decompressor, int maxReceiveSize)
    {
        using var input = new MemoryStream(payload.ToArray(), writable: false);
        using var unzip = decompressor.CreateDecompressionStream(input);
        using var output = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = unzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > maxReceiveSize)
                {
                    ThrowHelper.ReceiveTooLarge(output.Length + read, maxReceiveSize);
                }

                output.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Could not decompress the message: " + ex.Message));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return output.ToArray();
    }
}
