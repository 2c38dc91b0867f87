using ActorTrading.Grpc.Tests.Infrastructure;
using ActorTrading.Grpc.Tests.Protos;

namespace ActorTrading.Grpc.Tests.Server;

public sealed class CallKindsTests
{
    [Fact]
    public async Task UnaryAsync_EchoService_ReturnsResponse()
    {
        await using var host = await GrpcTestHost.StartAsync();

        var reply = await host.Client.UnaryAsync(TestMethods.Unary, new EchoRequest { Text = "hello" });

        Assert.Equal("hello", reply.Text);
    }

    [Fact]
    public async Task ServerStreaming_CountOfFive_ReturnsFiveMessagesThenOk()
    {
        await using var host = await GrpcTestHost.StartAsync();

        using var call = host.Client.ServerStreaming(TestMethods.ServerStream, new EchoRequest { Text = "s", Count = 5 });
        var replies = new List<EchoReply>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            replies.Add(reply);
        }

        Assert.Equal([0, 1, 2, 3, 4], replies.Select(r => r.Index));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ClientStreaming_ThreeMessages_ServerSeesAllInOrder()
    {
        await using var host = await GrpcTestHost.StartAsync();

        using var call = host.Client.ClientStreaming(TestMethods.ClientStream);
        foreach (var text in new[] { "a", "b", "c" })
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = text });
        }

        await call.RequestStream.CompleteAsync();
        var reply = await call;

        Assert.Equal("a,b,c", reply.Text);
        Assert.Equal(3, reply.Index);
    }

    [Fact]
    public async Task DuplexStreaming_PingPong_EachRequestAnsweredBeforeTheNext()
    {
        await using var host = await GrpcTestHost.StartAsync();

        using var call = host.Client.DuplexStreaming(TestMethods.Duplex);
        for (var i = 0; i < 3; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = $"m{i}" });
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal($"m{i}", call.ResponseStream.Current.Text);
            Assert.Equal(i, call.ResponseStream.Current.Index);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ClientStreaming_ServerFailsBeforeReading_ResponseFailsAndLaterWritesThrow()
    {
        var hooks = new TestHooks { ClientStream = (_, _) => throw new RpcException(new Status(StatusCode.InvalidArgument, "account_id is required")) };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);

        using var call = host.Client.ClientStreaming(TestMethods.ClientStream);
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(30)));
        var write = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new EchoRequest()).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, write.StatusCode);
    }

    [Fact]
    public async Task DuplexStreaming_ServerEndsWithoutMessages_ClientSeesOkEnd()
    {
        var hooks = new TestHooks { Duplex = (_, _, _) => Task.CompletedTask };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);

        using var call = host.Client.DuplexStreaming(TestMethods.Duplex);

        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Null(call.GetTrailers().GetValue("grpc-status"));
    }

    // HttpClient keeps a duplex request's HEADERS unflushed until body data is flushed (dotnet/runtime#30295);
    // these calls write nothing first, so they only reach the server because our request content flushes at once.
    [Fact]
    public async Task ClientStreaming_NothingWrittenBeforeAwaitingTheResponse_RequestStillReachesTheServer()
    {
        var hooks = new TestHooks { ClientStream = (_, _) => Task.FromResult(new EchoReply { Text = "answered without reading" }) };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);

        for (var i = 0; i < 20; i++)
        {
            using var call = host.Client.ClientStreaming(TestMethods.ClientStream);
            var reply = await call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("answered without reading", reply.Text);
        }
    }

    [Fact]
    public async Task DuplexStreaming_ServerSpeaksFirst_ClientReadsBeforeWriting()
    {
        var hooks = new TestHooks
        {
            Duplex = async (requests, writer, context) =>
            {
                await writer.WriteAsync(new EchoReply { Text = "hello first" });
                while (await requests.MoveNext(context.CancellationToken))
                {
                    await writer.WriteAsync(new EchoReply { Text = requests.Current.Text });
                }
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);

        for (var i = 0; i < 20; i++)
        {
            using var call = host.Client.DuplexStreaming(TestMethods.Duplex);
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal("hello first", call.ResponseStream.Current.Text);
            await call.RequestStream.CompleteAsync();
            Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        }
    }
}
