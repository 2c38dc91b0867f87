namespace ActorTrading.Grpc.Tests.Core;

public sealed class PercentEncodingTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("50%", "50%25")]
    [InlineData("a\nb", "a%0Ab")]
    [InlineData("€", "%E2%82%AC")]
    public void Encode_Value_PercentEncodesOutsidePrintableAscii(string value, string encoded)
    {
        Assert.Equal(encoded, PercentEncoding.Encode(value));
        Assert.Equal(value, PercentEncoding.Decode(encoded));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("%Z1 ok")]
    [InlineData("100%")]
    public void Decode_MalformedSequence_KeptAsIs(string value) => Assert.Equal(value, PercentEncoding.Decode(value));
}
