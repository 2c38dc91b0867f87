using ActorTrading.Grpc.Tests.Infrastructure;
using ActorTrading.Grpc.Tests.Protos;

namespace ActorTrading.Grpc.Tests.Server;

public sealed class StreamWriterTests
{
    [Fact]
    public async Task WriteBufferedAsync_ManyMessagesNoExplicitFlush_AllDeliveredInOrderAtTheEnd()
    {
        var hooks = new TestHooks
        {
            ServerStream = async (request, writer, _) =>
            {
                for (var i = 0; i < request.Count; i++)
                {
                    await writer.WriteBufferedAsync(new EchoReply { Index = i });
                }
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);

        using var call = host.Client.ServerStreaming(TestMethods.ServerStream, new EchoRequest { Count = 50_000 });
        var expected = 0;
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            Assert.Equal(expected++, reply.Index);
        }

        Assert.Equal(50_000, expected);
    }

    [Fact]
    public async Task FlushAsync_AfterBufferedWrites_ClientReceivesThemWhileTheCallStaysOpen()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hooks = new TestHooks
        {
            ServerStream = async (_, writer, context) =>
            {
                await writer.WriteBufferedAsync(new EchoReply { Index = 0 });
                await writer.WriteBufferedAsync(new EchoReply { Index = 1 });
                await writer.FlushAsync();
                await release.Task.WaitAsync(context.CancellationToken);
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);

        using var call = host.Client.ServerStreaming(TestMethods.ServerStream, new EchoRequest());
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(1, call.ResponseStream.Current.Index);
        release.SetResult();

        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task MoveNext_PerReadTokenCancelled_CancelsTheCallAndTheServerSeesIt()
    {
        var serverCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hooks = new TestHooks
        {
            ServerStream = async (_, writer, context) =>
            {
                await writer.WriteAsync(new EchoReply());
                context.CancellationToken.Register(() => serverCancelled.TrySetResult());
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        using var cts = new CancellationTokenSource();

        using var call = host.Client.ServerStreaming(TestMethods.ServerStream, new EchoRequest());
        Assert.True(await call.ResponseStream.MoveNext(cts.Token));
        var pending = call.ResponseStream.MoveNext(cts.Token);
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => pending);

        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await serverCancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
