using ActorTrading.Grpc.Tests.Infrastructure;
using ActorTrading.Grpc.Tests.Protos;

namespace ActorTrading.Grpc.Tests.Server;

public sealed class InterceptorTests
{
    [Fact]
    public async Task UnaryAsync_NoAuthorization_AuthInterceptorRefusesBeforeTheHandler()
    {
        var handlerRan = false;
        var hooks = new TestHooks { Unary = (_, _) => { handlerRan = true; return Task.FromResult(new EchoReply()); } };
        await using var host = await GrpcTestHost.StartAsync(grpc: g => g.AddInterceptor<AuthInterceptor>(), hooks: hooks);

        var ex = await Assert.ThrowsAsync<RpcException>(() => host.Client.UnaryAsync(TestMethods.Unary, new EchoRequest()));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.False(handlerRan);
    }

    [Fact]
    public async Task UnaryAsync_GoodAuthorization_PrincipalReachesHandlerThroughUserState()
    {
        var hooks = new TestHooks { Unary = (_, context) => Task.FromResult(new EchoReply { Text = (string)context.UserState["principal"] }) };
        await using var host = await GrpcTestHost.StartAsync(grpc: g => g.AddInterceptor<AuthInterceptor>(), hooks: hooks);

        var reply = await host.Client.UnaryAsync(TestMethods.Unary, new EchoRequest(), new CallOptions(new Metadata().Add("authorization", "Bearer alice")));

        Assert.Equal("alice", reply.Text);
    }

    [Fact]
    public async Task EveryCallKind_TwoInterceptors_RunOutermostFirstAndSeeTheOutcome()
    {
        var hooks = new TestHooks { ClientStream = (_, _) => throw new RpcException(new Status(StatusCode.Aborted, "x")) };
        await using var host = await GrpcTestHost.StartAsync(grpc: g => g.AddInterceptor<RecordingInterceptor>().AddInterceptor<SecondInterceptor>(), hooks: hooks);
        var log = host.Services.GetService(typeof(RecordingInterceptor)) as RecordingInterceptor;

        await host.Client.UnaryAsync(TestMethods.Unary, new EchoRequest());
        using (var stream = host.Client.ServerStreaming(TestMethods.ServerStream, new EchoRequest { Count = 1 }))
        {
            while (await stream.ResponseStream.MoveNext(CancellationToken.None)) { }
        }

        using (var upload = host.Client.ClientStreaming(TestMethods.ClientStream))
        {
            await upload.RequestStream.CompleteAsync();
            await Assert.ThrowsAsync<RpcException>(() => upload.ResponseAsync);
        }

        using (var duplex = host.Client.DuplexStreaming(TestMethods.Duplex))
        {
            await duplex.RequestStream.CompleteAsync();
            Assert.False(await duplex.ResponseStream.MoveNext(CancellationToken.None));
        }

        Assert.Equal(
            ["Unary:second:OK", "ServerStream:second:OK", "ClientStream:second:Aborted", "Duplex:second:OK"],
            log!.Entries);
    }

    public sealed class AuthInterceptor : ServerInterceptor
    {
        public override Task InterceptAsync(ServerCallContext context, ServerCallHandler next)
        {
            var header = context.RequestHeaders.GetValue("authorization");
            if (header is null || !header.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                throw new RpcException(new Status(StatusCode.Unauthenticated, "authorization: Bearer <key> is required."));
            }

            context.UserState["principal"] = header["Bearer ".Length..];
            return next(context);
        }
    }

    public sealed class RecordingInterceptor : ServerInterceptor
    {
        public List<string> Entries { get; } = [];

        public override async Task InterceptAsync(ServerCallContext context, ServerCallHandler next)
        {
            var name = context.Method[(context.Method.LastIndexOf('/') + 1)..];
            try
            {
                await next(context);
                Record($"{name}:{context.UserState["inner"]}:{context.Status.StatusCode}");
            }
            catch (RpcException ex)
            {
                Record($"{name}:{context.UserState["inner"]}:{ex.StatusCode}");
                throw;
            }
        }

        private void Record(string entry)
        {
            lock (Entries)
            {
                Entries.Add(entry);
            }
        }
    }

    public sealed class SecondInterceptor : ServerInterceptor
    {
        public override Task InterceptAsync(ServerCallContext context, ServerCallHandler next)
        {
            context.UserState["inner"] = "second";
            return next(context);
        }
    }

    [Fact]
    public async Task UnaryCall_InterceptorSkipsTheHandler_ClientGetsInternalNotAnEmptyOk()
    {
        await using var host = await GrpcTestHost.StartAsync(grpc: g => g.AddInterceptor<ShortCircuitInterceptor>());

        using var call = host.Client.UnaryCall(TestMethods.Unary, new EchoRequest());
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Equal(StatusCode.Internal, call.GetStatus().StatusCode);
    }

    public sealed class ShortCircuitInterceptor : ServerInterceptor
    {
        public override Task InterceptAsync(ServerCallContext context, ServerCallHandler next) => Task.CompletedTask;
    }
}
