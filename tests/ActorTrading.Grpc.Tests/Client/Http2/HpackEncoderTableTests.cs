using System.Buffers;
using ActorTrading.Grpc.Http2;

namespace ActorTrading.Grpc.Tests.Client.Http2;

/// <summary>The request encoder's dynamic table, checked against our RFC 7541 decoder (which mirrors the server's).</summary>
public sealed class HpackEncoderTableTests
{
    private static HttpRequestMessage Request(string path, string? metadata = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:5000" + path);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("User-Agent", "grpc-actortrading/1.0");
        request.Headers.TryAddWithoutValidation("grpc-accept-encoding", "identity,gzip");
        if (metadata is not null)
        {
            request.Headers.TryAddWithoutValidation("x-meta", metadata);
        }

        request.Content = new ByteArrayContent([]);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/grpc");
        return request;
    }

    private static (byte[] Block, List<KeyValuePair<string, string>> Fields) RoundTrip(HttpRequestMessage request, HpackEncoderTable table, HpackDecoder decoder)
    {
        var output = new ArrayBufferWriter<byte>();
        Http2RequestHeaders.Encode(output, request, "http", "127.0.0.1:5000", table);
        var fields = new List<KeyValuePair<string, string>>();
        decoder.Decode(output.WrittenSpan, fields);
        return (output.WrittenSpan.ToArray(), fields);
    }

    private static List<KeyValuePair<string, string>> Expected(string path, string? metadata = null)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new(":method", "POST"), new(":scheme", "http"), new(":path", path), new(":authority", "127.0.0.1:5000"),
            new("te", "trailers"), new("user-agent", "grpc-actortrading/1.0"), new("grpc-accept-encoding", "identity,gzip"),
        ];
        if (metadata is not null)
        {
            fields.Add(new("x-meta", metadata));
        }

        fields.Add(new("content-type", "application/grpc"));
        return fields;
    }

    [Fact]
    public void Encode_SameRequestTwice_SecondBlockIsAllIndices()
    {
        var table = new HpackEncoderTable();
        var decoder = new HpackDecoder();

        var first = RoundTrip(Request("/pkg.S/M"), table, decoder);
        var second = RoundTrip(Request("/pkg.S/M"), table, decoder);

        Assert.Equal(Expected("/pkg.S/M"), first.Fields);
        Assert.Equal(Expected("/pkg.S/M"), second.Fields);
        Assert.Equal(8, second.Block.Length); // one byte per field
        Assert.Equal(6, table.Count);
    }

    [Fact]
    public void Encode_UserMetadata_StaysOutOfTheTable()
    {
        var table = new HpackEncoderTable();
        var decoder = new HpackDecoder();

        var first = RoundTrip(Request("/pkg.S/M", "a"), table, decoder);
        var second = RoundTrip(Request("/pkg.S/M", "b"), table, decoder);

        Assert.Equal(Expected("/pkg.S/M", "a"), first.Fields);
        Assert.Equal(Expected("/pkg.S/M", "b"), second.Fields);
        Assert.Equal(6, table.Count);
    }

    [Fact]
    public void Encode_ManyDistinctPaths_EvictsOldestInStepWithDecoder()
    {
        var table = new HpackEncoderTable();
        var decoder = new HpackDecoder();

        for (var i = 0; i < 300; i++)
        {
            var path = $"/pkg.Service/Method{i % 120}";
            Assert.Equal(Expected(path), RoundTrip(Request(path), table, decoder).Fields);
        }

        Assert.True(table.Size <= HpackEncoderTable.DefaultCapacity, $"table size {table.Size}");
    }

    [Fact]
    public void SetPeerMaxSize_Zero_SignalsSizeUpdateAndSendsLiterals()
    {
        var table = new HpackEncoderTable();
        var decoder = new HpackDecoder();
        RoundTrip(Request("/pkg.S/M"), table, decoder);

        table.SetPeerMaxSize(0);
        var after = RoundTrip(Request("/pkg.S/M"), table, decoder);

        Assert.Equal(0x20, after.Block[0]); // dynamic table size update to 0 opens the block
        Assert.Equal(Expected("/pkg.S/M"), after.Fields);
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void SetPeerMaxSize_ShrinkThenGrow_SignalsSmallestThenFinal()
    {
        var table = new HpackEncoderTable();
        var decoder = new HpackDecoder();
        RoundTrip(Request("/pkg.S/M"), table, decoder);

        table.SetPeerMaxSize(100);
        table.SetPeerMaxSize(8192);
        var after = RoundTrip(Request("/pkg.S/M"), table, decoder);

        Assert.Equal(0x3F, after.Block[0]); // size update to 100 (5-bit prefix, continued) ...
        Assert.Equal(Expected("/pkg.S/M"), after.Fields);
        Assert.Equal(Expected("/pkg.S/M"), RoundTrip(Request("/pkg.S/M"), table, decoder).Fields);
    }

    [Fact]
    public void Encode_NonLatin1Header_ThrowsWithoutChangingTheTable()
    {
        var table = new HpackEncoderTable();
        var decoder = new HpackDecoder();
        var bad = Request("/pkg.S/Other");
        bad.Headers.TryAddWithoutValidation("x-name", "caf\u20ac");

        Assert.Throws<HttpRequestException>(() => Http2RequestHeaders.Encode(new ArrayBufferWriter<byte>(), bad, "http", "127.0.0.1:5000", table));
        Assert.Equal(0, table.Count);
        Assert.Equal(Expected("/pkg.S/M"), RoundTrip(Request("/pkg.S/M"), table, decoder).Fields);
    }
}
