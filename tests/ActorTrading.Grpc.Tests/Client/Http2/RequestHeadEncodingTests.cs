using System.Buffers;
using ActorTrading.Grpc.Http2;

namespace ActorTrading.Grpc.Tests.Client.Http2;

/// <summary>The direct path's header block, encoded from a <see cref="RequestHead"/>, checked against our RFC 7541 decoder.</summary>
public sealed class RequestHeadEncodingTests
{
    private static RequestHead Head(string path, string? timeout = null, string? encoding = null, Metadata? metadata = null) =>
        new(path, "grpc-actortrading/1.0", "identity,gzip", encoding, timeout, metadata);

    private static (byte[] Block, List<KeyValuePair<string, string>> Fields) RoundTrip(RequestHead head, HpackEncoderTable? table, HpackDecoder decoder)
    {
        var output = new ArrayBufferWriter<byte>();
        Http2RequestHeaders.Encode(output, head, "http", "127.0.0.1:5000", table);
        var fields = new List<KeyValuePair<string, string>>();
        decoder.Decode(output.WrittenSpan, fields);
        return (output.WrittenSpan.ToArray(), fields);
    }

    [Fact]
    public void Encode_EveryField_DecodesToTheGrpcRequestHeaders()
    {
        var metadata = new Metadata().Add("x-user", "alice").Add("trace-bin", new byte[] { 1, 2, 3 })
            .Add(RequestHead.InternalEncodingRequest, "gzip");

        var fields = RoundTrip(Head("/pkg.S/M", "250m", "gzip", metadata), new HpackEncoderTable(), new HpackDecoder()).Fields;

        Assert.Equal(
            [
                new(":method", "POST"), new(":scheme", "http"), new(":path", "/pkg.S/M"), new(":authority", "127.0.0.1:5000"),
                new("te", "trailers"), new("grpc-timeout", "250m"), new("content-type", "application/grpc"),
                new("grpc-encoding", "gzip"), new("grpc-accept-encoding", "identity,gzip"), new("user-agent", "grpc-actortrading/1.0"),
                new("x-user", "alice"), new KeyValuePair<string, string>("trace-bin", "AQID"),
            ],
            fields);
    }

    [Fact]
    public void Encode_SameCallTwiceWithTable_SecondBlockIsIndicesAndMetadataStaysLiteral()
    {
        var table = new HpackEncoderTable();
        var decoder = new HpackDecoder();
        var head = Head("/pkg.S/M", metadata: new Metadata().Add("x-user", "alice"));

        var first = RoundTrip(head, table, decoder);
        var second = RoundTrip(head, table, decoder);
        var plain = RoundTrip(head, null, new HpackDecoder());

        Assert.Equal(first.Fields, second.Fields);
        Assert.Equal(first.Fields, plain.Fields);
        Assert.True(second.Block.Length < 25, $"second block {second.Block.Length} bytes"); // 8 one-byte fields + the metadata literal
        Assert.Equal(6, table.Count); // :path, :authority, te, content-type, grpc-accept-encoding, user-agent; never x-user
    }

    [Fact]
    public void Encode_NonLatin1Metadata_ThrowsWithoutChangingTheTable()
    {
        var table = new HpackEncoderTable();
        var decoder = new HpackDecoder();

        Assert.Throws<HttpRequestException>(() =>
            Http2RequestHeaders.Encode(new ArrayBufferWriter<byte>(), Head("/pkg.S/M", metadata: new Metadata().Add("x-name", "caf\u20ac")), "http", "127.0.0.1:5000", table));

        Assert.Equal(0, table.Count);
        Assert.Equal("/pkg.S/M", RoundTrip(Head("/pkg.S/M"), table, decoder).Fields[2].Value);
    }
}
