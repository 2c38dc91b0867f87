using ActorTrading.Grpc.Tests.Infrastructure;
using ActorTrading.Grpc.Tests.Protos;

namespace ActorTrading.Grpc.Tests.Server;

public sealed class CancellationTests
{
    [Fact]
    public async Task ServerStreaming_ClientDisposesCall_ServerHandlerCancelled()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hooks = new TestHooks
        {
            ServerStream = async (_, writer, context) =>
            {
                await writer.WriteAsync(new EchoReply());
                started.TrySetResult();
                await using (context.CancellationToken.Register(() => cancelled.TrySetResult()))
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);

        var call = host.Client.ServerStreaming(TestMethods.ServerStream, new EchoRequest());
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        call.Dispose();

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task UnaryAsync_UserTokenCancelled_ClientGetsCancelledAndServerSeesIt()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hooks = new TestHooks
        {
            Unary = async (_, context) =>
            {
                context.CancellationToken.Register(() => cancelled.TrySetResult());
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                return new EchoReply();
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        using var cts = new CancellationTokenSource();

        var pending = host.Client.UnaryAsync(TestMethods.Unary, new EchoRequest(), new CallOptions(cancellationToken: cts.Token));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => pending);

        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ClientStreaming_HalfCloseThenCancel_HandlerDoesNotCommit()
    {
        var sawEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outcome = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var hooks = new TestHooks
        {
            ClientStream = async (requests, context) =>
            {
                var count = 0;
                while (await requests.MoveNext(context.CancellationToken))
                {
                    count++;
                }

                // End of stream is "no more messages", not "commit": wait for the call's fate before committing.
                sawEnd.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    outcome.TrySetResult(context.CancellationToken.IsCancellationRequested ? "not committed" : $"committed {count}");
                    throw;
                }

                return new EchoReply();
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);

        var call = host.Client.ClientStreaming(TestMethods.ClientStream);
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "order" });
        await call.RequestStream.CompleteAsync();
        await sawEnd.Task.WaitAsync(TimeSpan.FromSeconds(30));
        call.Dispose();

        Assert.Equal("not committed", await outcome.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
    }

    [Fact]
    public async Task ClientStreaming_ResetWithoutHalfClose_ReaderThrowsInsteadOfEndingCleanly()
    {
        var firstRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var readerOutcome = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var hooks = new TestHooks
        {
            ClientStream = async (requests, context) =>
            {
                await requests.MoveNext(context.CancellationToken);
                firstRead.TrySetResult();
                try
                {
                    var more = await requests.MoveNext(context.CancellationToken);
                    readerOutcome.TrySetResult(more ? "message" : "clean end");
                }
                catch (OperationCanceledException)
                {
                    readerOutcome.TrySetResult("cancelled");
                    throw;
                }

                return new EchoReply();
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);

        var call = host.Client.ClientStreaming(TestMethods.ClientStream);
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "a" });
        await firstRead.Task.WaitAsync(TimeSpan.FromSeconds(30));
        call.Dispose();

        Assert.Equal("cancelled", await readerOutcome.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
