using System.Buffers;
using ActorTrading.Grpc.Tests.Protos;
using Google.Protobuf;

namespace ActorTrading.Grpc.Tests.Framing;

public sealed class FrameCodecTests
{
    [Fact]
    public void TryReadFrame_SplitAcrossSegments_WaitsThenReadsWholeFrame()
    {
        var output = new ArrayBufferWriter<byte>();
        FrameCodec.WriteMessage(output, new EchoRequest { Text = "split" }, null, int.MaxValue);
        var bytes = output.WrittenSpan.ToArray();

        var partial = new ReadOnlySequence<byte>(bytes.AsMemory(0, 3));
        Assert.False(FrameCodec.TryReadFrame(ref partial, 1024, out _, out _));
        var whole = new ReadOnlySequence<byte>(bytes);
        Assert.True(FrameCodec.TryReadFrame(ref whole, 1024, out var flags, out var payload));

        Assert.True(whole.IsEmpty);
        Assert.Equal("split", FrameCodec.ReadMessage(EchoRequest.Parser, flags, payload, null, 1024).Text);
    }

    [Fact]
    public void TryReadFrame_HeaderAnnouncesTooMuch_ResourceExhaustedBeforeThePayloadArrives()
    {
        var header = new ReadOnlySequence<byte>(new byte[] { 0, 0, 1, 0, 0 });

        var ex = Assert.Throws<RpcException>(() => FrameCodec.TryReadFrame(ref header, 1024, out _, out _));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public void WriteMessage_Gzip_CompressedFlagAndSmallerPayloadThatDecodes()
    {
        var message = new EchoRequest { Text = new string('z', 4000) };
        var output = new ArrayBufferWriter<byte>();

        FrameCodec.WriteMessage(output, message, new GzipCompressionProvider(), int.MaxValue);
        var sequence = new ReadOnlySequence<byte>(output.WrittenMemory);
        Assert.True(FrameCodec.TryReadFrame(ref sequence, int.MaxValue, out var flags, out var payload));

        Assert.Equal(1, flags);
        Assert.True(payload.Length < message.CalculateSize());
        Assert.Equal(message, FrameCodec.ReadMessage(EchoRequest.Parser, flags, payload, new GzipCompressionProvider(), int.MaxValue));
    }

    [Fact]
    public void ReadMessage_DecompressesBeyondMax_ResourceExhausted()
    {
        var output = new ArrayBufferWriter<byte>();
        FrameCodec.WriteMessage(output, new EchoRequest { Text = new string('z', 100_000) }, new GzipCompressionProvider(), int.MaxValue);
        var sequence = new ReadOnlySequence<byte>(output.WrittenMemory);
        FrameCodec.TryReadFrame(ref sequence, 10_000, out var flags, out var payload);

        var ex = Assert.Throws<RpcException>(() => FrameCodec.ReadMessage(EchoRequest.Parser, flags, payload, new GzipCompressionProvider(), 10_000));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }
}
