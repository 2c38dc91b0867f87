using System.Buffers.Binary;

namespace ActorTrading.Grpc.Http2;

/// <summary>HTTP/2 wire constants (RFC 9113) and the 9-byte frame header.</summary>
internal static class Http2Protocol
{
    public const int FrameHeaderSize = 9;
    public const int DefaultMaxFrameSize = 16384;
    public const int DefaultWindow = 65535;
    public const int MaxWindow = int.MaxValue;

    public static ReadOnlySpan<byte> Preface => "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8;

    // Frame types.
    public const byte Data = 0x0, Headers = 0x1, Priority = 0x2, RstStream = 0x3, Settings = 0x4, PushPromise = 0x5,
        Ping = 0x6, GoAway = 0x7, WindowUpdate = 0x8, Continuation = 0x9;

    // Flags.
    public const byte EndStream = 0x1, Ack = 0x1, EndHeaders = 0x4, Padded = 0x8, PriorityFlag = 0x20;

    // Settings.
    public const ushort HeaderTableSize = 0x1, EnablePush = 0x2, MaxConcurrentStreams = 0x3, InitialWindowSize = 0x4,
        MaxFrameSize = 0x5, MaxHeaderListSize = 0x6;

    // Error codes.
    public const int NoError = 0x0, ProtocolError = 0x1, InternalError = 0x2, FlowControlError = 0x3, StreamClosed = 0x5,
        FrameSizeError = 0x6, RefusedStream = 0x7, Cancel = 0x8, CompressionError = 0x9;

    public static void WriteFrameHeader(Span<byte> destination, int length, byte type, byte flags, int streamId)
    {
        destination[0] = (byte)(length >> 16);
        destination[1] = (byte)(length >> 8);
        destination[2] = (byte)length;
        destination[3] = type;
        destination[4] = flags;
        BinaryPrimitives.WriteInt32BigEndian(destination[5..], streamId & int.MaxValue);
    }
}
