using ActorTrading.Grpc.Tests.Infrastructure;
using ActorTrading.Grpc.Tests.Protos;

namespace ActorTrading.Grpc.Tests.Server;

public sealed class StatusTests
{
    [Fact]
    public async Task UnaryAsync_HandlerThrowsRpcException_ClientGetsCodeDetailAndTrailers()
    {
        var hooks = new TestHooks
        {
            Unary = (_, _) => throw new RpcException(new Status(StatusCode.NotFound, "no account 42"), new Metadata().Add("x-why", "gone")),
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);

        var ex = await Assert.ThrowsAsync<RpcException>(() => host.Client.UnaryAsync(TestMethods.Unary, new EchoRequest()));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("no account 42", ex.Status.Detail);
        Assert.Equal("gone", ex.Trailers.GetValue("x-why"));
    }

    [Fact]
    public async Task UnaryAsync_DetailWithUnicodeAndPercent_RoundTripsPercentEncoded()
    {
        const string detail = "prix ≥ 5% \r\n 日本";
        var hooks = new TestHooks { Unary = (_, _) => throw new RpcException(new Status(StatusCode.InvalidArgument, detail)) };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        using var http = RawGrpc.Client();

        using var raw = await http.SendAsync(RawGrpc.Request(host.Address, TestMethods.Unary.FullName, RawGrpc.Frame(new EchoRequest())));
        var ex = await Assert.ThrowsAsync<RpcException>(() => host.Client.UnaryAsync(TestMethods.Unary, new EchoRequest()));

        Assert.Equal("prix %E2%89%A5 5%25 %0D%0A %E6%97%A5%E6%9C%AC", RawGrpc.Header(raw, "grpc-message"));
        Assert.Equal(detail, ex.Status.Detail);
    }

    [Fact]
    public async Task Unary_ErrorBeforeAnyMessage_IsTrailersOnly()
    {
        var hooks = new TestHooks { Unary = (_, _) => throw new RpcException(new Status(StatusCode.PermissionDenied, "no")) };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        using var http = RawGrpc.Client();

        using var response = await http.SendAsync(RawGrpc.Request(host.Address, TestMethods.Unary.FullName, RawGrpc.Frame(new EchoRequest())));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.True(response.Headers.Contains("grpc-status"));
        Assert.Equal("7", response.Headers.GetValues("grpc-status").Single());
        Assert.Empty(body);
        Assert.Empty(response.TrailingHeaders);
    }

    [Fact]
    public async Task ServerStreaming_ErrorAfterMessages_StatusInTrailersAfterTheMessages()
    {
        var hooks = new TestHooks
        {
            ServerStream = async (_, writer, _) =>
            {
                await writer.WriteAsync(new EchoReply { Index = 1 });
                throw new RpcException(new Status(StatusCode.Aborted, "half way"));
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);

        using var call = host.Client.ServerStreaming(TestMethods.ServerStream, new EchoRequest());
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Aborted, ex.StatusCode);
        Assert.Equal(StatusCode.Aborted, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_StatusDetailsBin_PassedThroughAsBytes()
    {
        byte[] details = [0, 1, 2, 250, 255];
        var hooks = new TestHooks
        {
            Unary = (_, _) => throw new RpcException(new Status(StatusCode.FailedPrecondition, "rich"), new Metadata().Add("grpc-status-details-bin", details)),
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);

        var ex = await Assert.ThrowsAsync<RpcException>(() => host.Client.UnaryAsync(TestMethods.Unary, new EchoRequest()));

        Assert.Equal(details, ex.Trailers.GetValueBytes("grpc-status-details-bin"));
    }

    [Fact]
    public async Task UnaryAsync_HandlerThrowsOtherException_UnknownWithoutLeakingTheMessage()
    {
        var hooks = new TestHooks { Unary = (_, _) => throw new InvalidOperationException("secret internals") };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);

        var ex = await Assert.ThrowsAsync<RpcException>(() => host.Client.UnaryAsync(TestMethods.Unary, new EchoRequest()));

        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.DoesNotContain("secret", ex.Status.Detail);
    }

    [Fact]
    public async Task UnaryCall_ContextStatusSetWithoutThrowing_ClientGetsThatStatus()
    {
        var hooks = new TestHooks
        {
            Unary = (_, context) =>
            {
                context.Status = new Status(StatusCode.ResourceExhausted, "queue full");
                return Task.FromResult(new EchoReply());
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);

        using var call = host.Client.UnaryCall(TestMethods.Unary, new EchoRequest());
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Equal("queue full", call.GetStatus().Detail);
    }

    [Fact]
    public async Task ServerStreaming_UnknownMethodThroughOurClient_UnimplementedOnFirstRead()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var unknown = Method.Create<EchoRequest, EchoReply>(
            TestServiceReflection.Descriptor.Services.Single(s => s.Name == "OtherService"), "Stream");

        using var call = host.Client.ServerStreaming(unknown, new EchoRequest());
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        Assert.Equal(StatusCode.Unimplemented, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task WriteResponseHeadersAsync_Twice_CallFailsInsteadOfSendingTwice()
    {
        var hooks = new TestHooks
        {
            Unary = async (_, context) =>
            {
                await context.WriteResponseHeadersAsync(new Metadata().Add("x-once", "1"));
                await context.WriteResponseHeadersAsync(new Metadata().Add("x-twice", "2"));
                return new EchoReply();
            },
        };
        await using var host = await GrpcTestHost.StartAsync(options: o => o.EnableDetailedErrors = true, hooks: hooks);

        var ex = await Assert.ThrowsAsync<RpcException>(() => host.Client.UnaryAsync(TestMethods.Unary, new EchoRequest()));

        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.Contains("already sent", ex.Status.Detail);
    }
}
