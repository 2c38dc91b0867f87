using ActorTrading.Grpc.Tests.Infrastructure;
using ActorTrading.Grpc.Tests.Protos;
using Google.Protobuf;

namespace ActorTrading.Grpc.Tests.Server;

public sealed class LimitsTests
{
    private static EchoRequest Big(int bytes) => new() { Payload = ByteString.CopyFrom(new byte[bytes]) };

    [Fact]
    public async Task UnaryAsync_RequestOverServerMax_ResourceExhausted()
    {
        await using var host = await GrpcTestHost.StartAsync(options: o => o.MaxReceiveMessageSize = 1024);

        var ex = await Assert.ThrowsAsync<RpcException>(() => host.Client.UnaryAsync(TestMethods.Unary, Big(2048)));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_ResponseOverClientMax_ResourceExhausted()
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var channel = GrpcChannel.ForAddress(host.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 1024 });

        var ex = await Assert.ThrowsAsync<RpcException>(() => new GrpcClient(channel).UnaryAsync(TestMethods.Unary, Big(2048)));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_ResponseOverServerMaxSend_ResourceExhausted()
    {
        await using var host = await GrpcTestHost.StartAsync(options: o => o.MaxSendMessageSize = 1024);

        var ex = await Assert.ThrowsAsync<RpcException>(() => host.Client.UnaryAsync(TestMethods.Unary, Big(2048)));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_RequestOverClientMaxSend_ResourceExhaustedBeforeSending()
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var channel = GrpcChannel.ForAddress(host.Address, new GrpcChannelOptions { MaxSendMessageSize = 1024 });

        var ex = await Assert.ThrowsAsync<RpcException>(() => new GrpcClient(channel).UnaryAsync(TestMethods.Unary, Big(2048)));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_FourMegabyteDefault_AcceptsJustUnderTheLimit()
    {
        await using var host = await GrpcTestHost.StartAsync();

        var reply = await host.Client.UnaryAsync(TestMethods.Unary, Big(4 * 1024 * 1024 - 16));

        Assert.Equal(4 * 1024 * 1024 - 16, reply.Payload.Length);
    }

    [Fact]
    public async Task Call_UnknownMethodAndService_Unimplemented()
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var http = RawGrpc.Client();

        using var method = await http.SendAsync(RawGrpc.Request(host.Address, "/actortrading.grpc.tests.TestService/Nope", RawGrpc.Frame(new EchoRequest())));
        using var service = await http.SendAsync(RawGrpc.Request(host.Address, "/no.Such/Thing", RawGrpc.Frame(new EchoRequest())));

        Assert.Equal("12", RawGrpc.Header(method, "grpc-status"));
        Assert.Contains("Method is unimplemented", RawGrpc.Header(method, "grpc-message"));
        Assert.Equal("12", RawGrpc.Header(service, "grpc-status"));
        Assert.Contains("Service is unimplemented", RawGrpc.Header(service, "grpc-message"));
    }

    [Fact]
    public async Task Call_KnownPathWithJsonContentType_Http415()
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var http = RawGrpc.Client();

        using var response = await http.SendAsync(RawGrpc.Request(host.Address, TestMethods.Unary.FullName, "{}"u8.ToArray(), "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task StreamingCall_KestrelMaxRequestBodySize_LiftedSoLongStreamsLive()
    {
        long? maxBody = 0;
        var hooks = new TestHooks
        {
            Duplex = async (requests, writer, context) =>
            {
                maxBody = context.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize;
                while (await requests.MoveNext(context.CancellationToken))
                {
                    await writer.WriteAsync(new EchoReply { Text = requests.Current.Text });
                }
            },
        };
        await using var host = await GrpcTestHost.StartAsync(options: o => o.EnableDetailedErrors = true, hooks: hooks);

        using var call = host.Client.DuplexStreaming(TestMethods.Duplex);
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "x" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Null(maxBody);
    }

    [Fact]
    public async Task RawCall_GarbagePayload_InternalNotUnknown()
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var http = RawGrpc.Client();

        using var response = await http.SendAsync(RawGrpc.Request(host.Address, TestMethods.Unary.FullName, RawGrpc.Frame([0xFF, 0xFF, 0xFF])));
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("13", RawGrpc.Header(response, "grpc-status"));
    }
}
