using ActorTrading.Grpc.Http2;

namespace ActorTrading.Grpc.Tests.Client.Http2;

public sealed class HpackDecoderTests
{
    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    [Fact]
    public void Decode_Rfc7541C4HuffmanRequests_FillsAndUsesDynamicTable()
    {
        var decoder = new HpackDecoder();
        var first = new List<KeyValuePair<string, string>>();
        var second = new List<KeyValuePair<string, string>>();

        decoder.Decode(Hex("8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff"), first);
        decoder.Decode(Hex("8286 84be 5886 a8eb 1064 9cbf"), second);

        Assert.Equal(new KeyValuePair<string, string>[] { new(":method", "GET"), new(":scheme", "http"), new(":path", "/"), new(":authority", "www.example.com") }, first);
        Assert.Equal(new KeyValuePair<string, string>("cache-control", "no-cache"), second[^1]);
        Assert.Equal(new KeyValuePair<string, string>(":authority", "www.example.com"), second[3]);
    }

    [Fact]
    public void Decode_SizeUpdateToZero_EvictsEntries()
    {
        var decoder = new HpackDecoder();
        decoder.Decode(Hex("4188 f1e3 c2e5 f23a 6ba0 ab90 f4ff".Replace("4188", "418c")), []);

        Assert.Throws<HpackException>(() => decoder.Decode(Hex("20 be"), []));
    }

    [Fact]
    public void Decode_SizeUpdateAboveSettings_Throws() =>
        Assert.Throws<HpackException>(() => new HpackDecoder().Decode(Hex("3fe1 5f"), []));

    [Fact]
    public void Decode_IndexOutsideTables_Throws() =>
        Assert.Throws<HpackException>(() => new HpackDecoder().Decode(Hex("be"), []));

    [Fact]
    public void Decode_NeverIndexedLiteral_IsReturnedNotStored()
    {
        var decoder = new HpackDecoder();
        var headers = new List<KeyValuePair<string, string>>();

        decoder.Decode(Hex("1008 7061 7373 776f 7264 0673 6563 7265 74"), headers);

        Assert.Equal(new KeyValuePair<string, string>("password", "secret"), Assert.Single(headers));
        Assert.Throws<HpackException>(() => decoder.Decode(Hex("be"), []));
    }
}
