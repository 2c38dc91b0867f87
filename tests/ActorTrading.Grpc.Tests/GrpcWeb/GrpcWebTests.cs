using System.Buffers.Binary;
using System.Net;
using System.Text;
using ActorTrading.Grpc.Tests.Infrastructure;
using ActorTrading.Grpc.Tests.Protos;

namespace ActorTrading.Grpc.Tests.GrpcWeb;

public sealed class GrpcWebTests
{
    [Theory]
    [InlineData("application/grpc-web")]
    [InlineData("application/grpc-web+proto")]
    public async Task Unary_GrpcWebOverHttp11_MessageThenTrailerFrame(string contentType)
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var http = RawGrpc.Client();

        using var response = await http.SendAsync(RawGrpc.Request(host.Http1Address, TestMethods.Unary.FullName,
            RawGrpc.Frame(new EchoRequest { Text = "web" }), contentType, HttpVersion.Version11));
        var frames = Frames(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(2, frames.Count);
        Assert.Equal(0, frames[0].Flags);
        Assert.Equal("web", EchoReply.Parser.ParseFrom(frames[0].Payload).Text);
        Assert.Equal(0x80, frames[1].Flags);
        Assert.Contains("grpc-status:0\r\n", Encoding.ASCII.GetString(frames[1].Payload));
    }

    [Fact]
    public async Task ServerStreaming_GrpcWebText_Base64FramesAndTrailers()
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var http = RawGrpc.Client();
        var body = Encoding.ASCII.GetBytes(Convert.ToBase64String(RawGrpc.Frame(new EchoRequest { Text = "t", Count = 3 })));

        using var response = await http.SendAsync(RawGrpc.Request(host.Http1Address, TestMethods.ServerStream.FullName, body,
            "application/grpc-web-text", HttpVersion.Version11));
        var text = await response.Content.ReadAsStringAsync();
        var frames = Frames(DecodeChunks(text));

        Assert.Equal("application/grpc-web-text", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0, 1, 2], frames.Take(3).Select(f => EchoReply.Parser.ParseFrom(f.Payload).Index));
        Assert.Equal(0x80, frames[3].Flags);
        Assert.Contains("grpc-status:0", Encoding.ASCII.GetString(frames[3].Payload));
    }

    [Fact]
    public async Task Unary_GrpcWebError_StatusAndMessageInTrailerFrame()
    {
        var hooks = new TestHooks { Unary = (_, _) => throw new RpcException(new Status(StatusCode.NotFound, "no 100%")) };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        using var http = RawGrpc.Client();

        using var response = await http.SendAsync(RawGrpc.Request(host.Http1Address, TestMethods.Unary.FullName,
            RawGrpc.Frame(new EchoRequest()), "application/grpc-web", HttpVersion.Version11));
        var frames = Frames(await response.Content.ReadAsByteArrayAsync());
        var trailers = Encoding.ASCII.GetString(frames.Single().Payload);

        Assert.Contains("grpc-status:5\r\n", trailers);
        Assert.Contains("grpc-message:no 100%25\r\n", trailers);
    }

    [Fact]
    public async Task Unary_GrpcWebUnknownMethod_UnimplementedInTrailerFrame()
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var http = RawGrpc.Client();

        using var response = await http.SendAsync(RawGrpc.Request(host.Http1Address, "/x.Y/Z", RawGrpc.Frame(new EchoRequest()),
            "application/grpc-web", HttpVersion.Version11));
        var frames = Frames(await response.Content.ReadAsByteArrayAsync());

        Assert.Contains("grpc-status:12\r\n", Encoding.ASCII.GetString(frames.Single().Payload));
    }

    [Fact]
    public async Task NativeGrpc_OverHttp11_RefusedWithUpgradeRequired()
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var http = RawGrpc.Client();

        using var response = await http.SendAsync(RawGrpc.Request(host.Http1Address, TestMethods.Unary.FullName,
            RawGrpc.Frame(new EchoRequest()), GrpcProtocol.ContentType, HttpVersion.Version11));

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
    }

    /// <summary>grpc-web-text may pad in the middle (each frame is encoded on its own): decode group by group.</summary>
    private static byte[] DecodeChunks(string text)
    {
        var bytes = new List<byte>();
        var start = 0;
        for (var i = 0; i < text.Length; i += 4)
        {
            if (text.AsSpan(i, 4).Contains('=') || i + 4 == text.Length)
            {
                bytes.AddRange(Convert.FromBase64String(text[start..(i + 4)]));
                start = i + 4;
            }
        }

        return bytes.ToArray();
    }

    private static List<(byte Flags, byte[] Payload)> Frames(byte[] body)
    {
        var frames = new List<(byte, byte[])>();
        for (var offset = 0; offset < body.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(offset + 1));
            frames.Add((body[offset], body.AsSpan(offset + 5, length).ToArray()));
            offset += 5 + length;
        }

        return frames;
    }
}
