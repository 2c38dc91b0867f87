using ActorTrading.Grpc.Tests.Infrastructure;
using ActorTrading.Grpc.Tests.Protos;

namespace ActorTrading.Grpc.Tests.Core;

public sealed class MetadataTests
{
    [Fact]
    public async Task UnaryCall_MetadataBothWays_HeadersAndTrailersArrive()
    {
        var hooks = new TestHooks
        {
            Unary = async (_, context) =>
            {
                await context.WriteResponseHeadersAsync(new Metadata().Add("x-head", context.RequestHeaders.GetValue("x-text")!)
                    .Add("x-head-bin", context.RequestHeaders.GetValueBytes("x-data-bin")!));
                context.ResponseTrailers.Add("x-tail", "t").Add("x-tail-bin", [9, 8, 7]);
                return new EchoReply();
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);

        using var call = host.Client.UnaryCall(TestMethods.Unary, new EchoRequest(),
            new CallOptions(new Metadata().Add("x-text", "abc").Add("x-data-bin", [1, 2, 3, 4])));
        var headers = await call.ResponseHeadersAsync;
        await call;

        Assert.Equal("abc", headers.GetValue("x-head"));
        Assert.Equal([1, 2, 3, 4], headers.GetValueBytes("x-head-bin"));
        Assert.Equal("t", call.GetTrailers().GetValue("x-tail"));
        Assert.Equal([9, 8, 7], call.GetTrailers().GetValueBytes("x-tail-bin"));
    }

    [Theory]
    [InlineData("AQID")]
    [InlineData("AQIDBA==")]
    [InlineData("AQIDBA")]
    public async Task RequestHeaders_BinaryValuePaddedOrNot_DecodedToTheSameBytes(string encoded)
    {
        byte[]? seen = null;
        var hooks = new TestHooks
        {
            Unary = (_, context) =>
            {
                seen = context.RequestHeaders.GetValueBytes("x-data-bin");
                return Task.FromResult(new EchoReply());
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        using var http = RawGrpc.Client();
        var request = RawGrpc.Request(host.Address, TestMethods.Unary.FullName, RawGrpc.Frame(new EchoRequest()));
        request.Headers.TryAddWithoutValidation("x-data-bin", encoded);

        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(Convert.FromBase64String(encoded.Length % 4 == 0 ? encoded : encoded + "=="), seen);
    }

    [Fact]
    public void Add_BinaryKeyWithTextValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Metadata().Add("x-bin", "text"));
        Assert.Throws<ArgumentException>(() => new Metadata().Add("x-text", [1]));
        Assert.Throws<ArgumentException>(() => new Metadata().Add("bad key", "v"));
    }

    [Fact]
    public void Get_UpperCaseKey_FindsLowerCasedEntry()
    {
        var metadata = new Metadata().Add("X-Mixed", "v");

        Assert.Equal("x-mixed", metadata[0].Key);
        Assert.Equal("v", metadata.GetValue("x-mixed"));
    }
}
