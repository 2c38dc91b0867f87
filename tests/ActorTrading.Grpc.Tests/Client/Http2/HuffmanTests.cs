using System.Text;
using ActorTrading.Grpc.Http2;

namespace ActorTrading.Grpc.Tests.Client.Http2;

public sealed class HuffmanTests
{
    [Fact]
    public void Codes_CanonicalFromLengths_EndWithAllOnesEos()
    {
        Assert.Equal(0x3fffffffu, Huffman.Codes[256]);
        Assert.Equal(0x1ff8u, Huffman.Codes[0]);
        Assert.Equal(0x3u, Huffman.Codes['a']);
        Assert.Equal(0x7ffffeeu, Huffman.Codes[252]);
    }

    [Fact]
    public void Decode_Rfc7541ExampleC41_GivesWwwExampleCom()
    {
        byte[] encoded = [0xf1, 0xe3, 0xc2, 0xe5, 0xf2, 0x3a, 0x6b, 0xa0, 0xab, 0x90, 0xf4, 0xff];
        var output = new byte[64];

        var written = Huffman.Decode(encoded, output);

        Assert.Equal("www.example.com", Encoding.ASCII.GetString(output, 0, written));
    }

    [Fact]
    public void Decode_EveryByteValueEncoded_RoundTrips()
    {
        var all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var output = new byte[Huffman.MaxDecodedLength(Huffman.Encode(all).Length)];

        var written = Huffman.Decode(Huffman.Encode(all), output);

        Assert.Equal(all, output[..written]);
    }

    [Fact]
    public void Decode_PaddingNotOnes_IsMalformed()
    {
        var encoded = Huffman.Encode("a"u8); // 5 bits of 'a' then three 1-bits of padding
        encoded[^1] &= 0xF8;

        Assert.Equal(-1, Huffman.Decode(encoded, new byte[8]));
    }
}
