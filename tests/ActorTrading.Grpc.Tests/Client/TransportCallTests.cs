using ActorTrading.Grpc.Tests.Infrastructure;
using ActorTrading.Grpc.Tests.Protos;
using Google.Protobuf;

namespace ActorTrading.Grpc.Tests.Client;

/// <summary>
/// Every call shape, metadata, status and large messages on each client transport (<see cref="TestTransports"/>):
/// the direct HTTP/2 path and the HttpMessageHandler paths must behave the same.
/// </summary>
public sealed class TransportCallTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(TestTransports.All), MemberType = typeof(TestTransports))]
    public async Task UnaryCall_MetadataBothWays_HeadersTrailersAndStatusRead(string transport)
    {
        var hooks = new TestHooks
        {
            Unary = async (request, context) =>
            {
                await context.WriteResponseHeadersAsync(new Metadata().Add("seen", context.RequestHeaders.GetValue("x-text") ?? "none")
                    .Add("echo-bin", context.RequestHeaders.GetValueBytes("x-bin") ?? []));
                context.ResponseTrailers.Add("done", "yes").Add("trail-bin", new byte[] { 0, 255, 7 });
                return new EchoReply { Text = request.Text };
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        using var channel = TestTransports.Channel(host.Address, transport);

        using var call = new GrpcClient(channel).UnaryCall(TestMethods.Unary, new EchoRequest { Text = "hi" },
            new CallOptions(headers: new Metadata().Add("x-text", "abc").Add("x-bin", new byte[] { 1, 2, 3 })));
        var reply = await call.ResponseAsync.WaitAsync(Guard);
        var headers = await call.ResponseHeadersAsync.WaitAsync(Guard);

        Assert.Equal("hi", reply.Text);
        Assert.Equal("abc", headers.GetValue("seen"));
        Assert.Equal(new byte[] { 1, 2, 3 }, headers.GetValueBytes("echo-bin"));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Equal("yes", call.GetTrailers().GetValue("done"));
        Assert.Equal(new byte[] { 0, 255, 7 }, call.GetTrailers().GetValueBytes("trail-bin"));
    }

    [Theory]
    [MemberData(nameof(TestTransports.All), MemberType = typeof(TestTransports))]
    public async Task UnaryCall_HandlerThrowsBeforeResponse_TrailersOnlyStatusAndTrailers(string transport)
    {
        var hooks = new TestHooks
        {
            Unary = (_, _) => throw new RpcException(new Status(StatusCode.NotFound, "no such thing: é 100%"), new Metadata().Add("why", "gone")),
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        using var channel = TestTransports.Channel(host.Address, transport);

        using var call = new GrpcClient(channel).UnaryCall(TestMethods.Unary, new EchoRequest());
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Guard));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("no such thing: é 100%", ex.Status.Detail);
        Assert.Equal("gone", ex.Trailers.GetValue("why"));
        Assert.Equal("gone", call.GetTrailers().GetValue("why"));
        Assert.Equal(StatusCode.NotFound, call.GetStatus().StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestTransports.All), MemberType = typeof(TestTransports))]
    public async Task ServerStreaming_MessagesLargerThanTheStreamWindow_AllArriveIntact(string transport)
    {
        const int size = 3 * 1024 * 1024; // 3 messages = 9 MiB: past our 4 MiB stream window, so WINDOW_UPDATEs must flow
        var hooks = new TestHooks
        {
            ServerStream = async (request, writer, _) =>
            {
                for (var i = 0; i < request.Count; i++)
                {
                    await writer.WriteAsync(new EchoReply { Index = i, Payload = ByteString.CopyFrom(Pattern(size, i)) });
                }
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        using var channel = TestTransports.Channel(host.Address, transport, o => o.MaxReceiveMessageSize = 8 * 1024 * 1024);

        using var call = new GrpcClient(channel).ServerStreaming(TestMethods.ServerStream, new EchoRequest { Count = 3 });
        var received = 0;
        while (await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard))
        {
            Assert.Equal(Pattern(size, received), call.ResponseStream.Current.Payload.ToByteArray());
            received++;
        }

        Assert.Equal(3, received);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestTransports.All), MemberType = typeof(TestTransports))]
    public async Task ClientStreaming_LargeRequestMessages_ServerReceivesAll(string transport)
    {
        var hooks = new TestHooks
        {
            ClientStream = async (requests, context) =>
            {
                long total = 0;
                var count = 0;
                while (await requests.MoveNext(context.CancellationToken))
                {
                    total += requests.Current.Payload.Length;
                    count++;
                }

                return new EchoReply { Text = total.ToString(System.Globalization.CultureInfo.InvariantCulture), Index = count };
            },
        };
        await using var host = await GrpcTestHost.StartAsync(o => o.MaxReceiveMessageSize = 8 * 1024 * 1024, hooks: hooks);
        using var channel = TestTransports.Channel(host.Address, transport);

        using var call = new GrpcClient(channel).ClientStreaming(TestMethods.ClientStream);
        for (var i = 0; i < 3; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Payload = ByteString.CopyFrom(Pattern(2 * 1024 * 1024, i)) }).WaitAsync(Guard);
        }

        await call.RequestStream.CompleteAsync();
        var reply = await call.ResponseAsync.WaitAsync(Guard);

        Assert.Equal(3, reply.Index);
        Assert.Equal((3 * 2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Text);
    }

    [Theory]
    [MemberData(nameof(TestTransports.All), MemberType = typeof(TestTransports))]
    public async Task DuplexStreaming_PingPong_EachReplyFollowsItsRequest(string transport)
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var channel = TestTransports.Channel(host.Address, transport);

        using var call = new GrpcClient(channel).DuplexStreaming(TestMethods.Duplex);
        for (var i = 0; i < 5; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = $"m{i}" }).WaitAsync(Guard);
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard));
            Assert.Equal($"m{i}", call.ResponseStream.Current.Text);
            Assert.Equal(i, call.ResponseStream.Current.Index);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    private static byte[] Pattern(int size, int seed)
    {
        var bytes = new byte[size];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31 + seed);
        }

        return bytes;
    }
}
