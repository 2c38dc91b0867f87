using ActorTrading.Grpc.Tests.Infrastructure;
using ActorTrading.Grpc.Tests.Protos;
using Google.Protobuf;

namespace ActorTrading.Grpc.Tests.Framing;

public sealed class CompressionTests
{
    private static readonly EchoRequest Compressible = new() { Text = new string('a', 10_000) };

    // The server compresses its reply because our client lists every encoding in grpc-accept-encoding.
    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task UnaryAsync_BothDirectionsCompressed_RoundTrips(string encoding)
    {
        string? requestEncoding = null;
        var hooks = new TestHooks
        {
            Unary = (request, context) =>
            {
                requestEncoding = context.HttpContext.Request.Headers["grpc-encoding"];
                return Task.FromResult(new EchoReply { Text = request.Text });
            },
        };
        await using var host = await GrpcTestHost.StartAsync(options: o => o.ResponseCompressionAlgorithm = encoding, hooks: hooks);
        using var channel = GrpcChannel.ForAddress(host.Address, new GrpcChannelOptions { SendCompression = encoding });

        using var call = new GrpcClient(channel).UnaryCall(TestMethods.Unary, Compressible);
        var reply = await call;

        Assert.Equal(Compressible.Text, reply.Text);
        Assert.Equal(encoding, requestEncoding);
    }

    [Fact]
    public async Task RawCall_CompressedFrame_ServerDecompressesAndCompressesReply()
    {
        await using var host = await GrpcTestHost.StartAsync(options: o => o.ResponseCompressionAlgorithm = "gzip");
        using var http = RawGrpc.Client();
        var compressed = Gzip(Compressible.ToByteArray());
        var request = RawGrpc.Request(host.Address, TestMethods.Unary.FullName, RawGrpc.Frame(compressed, flags: 1));
        request.Headers.TryAddWithoutValidation("grpc-encoding", "gzip");
        request.Headers.TryAddWithoutValidation("grpc-accept-encoding", "gzip");

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("gzip", RawGrpc.Header(response, "grpc-encoding"));
        Assert.Equal(1, body[0]);
        Assert.True(body.Length < 1000);
        Assert.Equal("0", RawGrpc.Header(response, "grpc-status"));
    }

    [Fact]
    public async Task RawCall_ClientDoesNotAcceptGzip_ServerRepliesUncompressed()
    {
        await using var host = await GrpcTestHost.StartAsync(options: o => o.ResponseCompressionAlgorithm = "gzip");
        using var http = RawGrpc.Client();

        using var response = await http.SendAsync(RawGrpc.Request(host.Address, TestMethods.Unary.FullName, RawGrpc.Frame(Compressible)));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Null(RawGrpc.Header(response, "grpc-encoding"));
        Assert.Equal(0, body[0]);
    }

    [Fact]
    public async Task RawCall_UnsupportedEncoding_UnimplementedWithSupportedList()
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var http = RawGrpc.Client();
        var request = RawGrpc.Request(host.Address, TestMethods.Unary.FullName, RawGrpc.Frame(new EchoRequest(), flags: 1));
        request.Headers.TryAddWithoutValidation("grpc-encoding", "br");

        using var response = await http.SendAsync(request);

        Assert.Equal("12", RawGrpc.Header(response, "grpc-status"));
        Assert.Equal("identity,gzip,deflate", RawGrpc.Header(response, "grpc-accept-encoding"));
    }

    [Fact]
    public async Task RawCall_CompressedFlagWithoutEncoding_Internal()
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var http = RawGrpc.Client();

        using var response = await http.SendAsync(RawGrpc.Request(host.Address, TestMethods.Unary.FullName, RawGrpc.Frame(new EchoRequest(), flags: 1)));
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("13", RawGrpc.Header(response, "grpc-status"));
    }

    [Fact]
    public async Task ServerStreaming_PerCallCompressionAndNoCompressMessage_FlagsFollowTheChoice()
    {
        var hooks = new TestHooks
        {
            ServerStream = async (_, writer, context) =>
            {
                Assert.True(context.SetResponseCompression("gzip"));
                await writer.WriteAsync(new EchoReply { Text = new string('c', 1000) });
                writer.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
                await writer.WriteAsync(new EchoReply { Text = new string('p', 1000) });
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        using var http = RawGrpc.Client();
        var request = RawGrpc.Request(host.Address, TestMethods.ServerStream.FullName, RawGrpc.Frame(new EchoRequest()));
        request.Headers.TryAddWithoutValidation("grpc-accept-encoding", "gzip");

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var firstLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(1));

        Assert.Equal("gzip", RawGrpc.Header(response, "grpc-encoding"));
        Assert.Equal(1, body[0]);
        Assert.Equal(0, body[5 + firstLength]);
    }

    [Fact]
    public async Task ClientStreaming_PerCallEncodingAndNoCompressMessage_ServerSeesWhichWereCompressed()
    {
        var seen = new List<bool>();
        var hooks = new TestHooks
        {
            ClientStream = async (requests, context) =>
            {
                while (await requests.MoveNext(context.CancellationToken))
                {
                    seen.Add(context.RequestMessageCompressed);
                }

                return new EchoReply();
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);

        using var call = host.Client.ClientStreaming(TestMethods.ClientStream,
            new CallOptions(new Metadata().Add("grpc-internal-encoding-request", "gzip")));
        await call.RequestStream.WriteAsync(Compressible);
        call.RequestStream.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        await call.RequestStream.WriteAsync(Compressible);
        await call.RequestStream.CompleteAsync();
        await call;

        Assert.Equal([true, false], seen);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            zip.Write(data);
        }

        return output.ToArray();
    }
}
