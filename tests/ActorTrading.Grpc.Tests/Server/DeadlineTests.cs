using ActorTrading.Grpc.Tests.Infrastructure;
using ActorTrading.Grpc.Tests.Protos;

namespace ActorTrading.Grpc.Tests.Server;

public sealed class DeadlineTests
{
    [Fact]
    public async Task UnaryAsync_DeadlinePasses_ServerTokenCancelledAndClientGetsDeadlineExceeded()
    {
        var serverCancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var hooks = new TestHooks
        {
            Unary = async (request, context) =>
            {
                if (request.Text == "warm") return new EchoReply { Text = "warm" };
                Assert.NotEqual(DateTime.MaxValue, context.Deadline);
                try
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    serverCancelled.TrySetResult(true);
                    throw;
                }

                return new EchoReply();
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        // Connected and warmed first: the 1 s deadline only has to cover sending the call, not a first connection and the
        // server's first dispatch (a loaded machine can take longer than that, and the call then never reaches the server).
        await host.Client.UnaryAsync(TestMethods.Unary, new EchoRequest { Text = "warm" }).WaitAsync(TimeSpan.FromSeconds(30));

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            host.Client.UnaryAsync(TestMethods.Unary, new EchoRequest(), CallOptions.WithTimeout(TimeSpan.FromSeconds(1))));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.True(await serverCancelled.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task RawCall_ShortGrpcTimeout_ServerAnswersDeadlineExceeded()
    {
        var hooks = new TestHooks
        {
            Unary = async (_, context) =>
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                return new EchoReply();
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        using var http = RawGrpc.Client();
        var request = RawGrpc.Request(host.Address, TestMethods.Unary.FullName, RawGrpc.Frame(new EchoRequest()));
        request.Headers.TryAddWithoutValidation("grpc-timeout", "50m");

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);

        Assert.Equal("4", RawGrpc.Header(response, "grpc-status"));
    }

    [Fact]
    public async Task RawCall_HandlerIgnoresItsDeadline_ServerStillAnswersDeadlineExceededAtExpiry()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlerReturned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hooks = new TestHooks
        {
            ServerStream = async (_, writer, _) =>
            {
                // On a loaded machine the 100 ms deadline may pass before the first write: that write throws then, and the
                // handler must still count as returned (a run at load 56 once waited here for a handler that had already thrown).
                try
                {
                    await writer.WriteAsync(new EchoReply { Index = 1 });
                    await release.Task;
                    await writer.WriteAsync(new EchoReply { Index = 2 });
                }
                finally
                {
                    handlerReturned.TrySetResult();
                }
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        using var http = RawGrpc.Client();
        var request = RawGrpc.Request(host.Address, TestMethods.ServerStream.FullName, RawGrpc.Frame(new EchoRequest()));
        request.Headers.TryAddWithoutValidation("grpc-timeout", "100m");

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead).WaitAsync(TimeSpan.FromSeconds(30));
        release.SetResult();
        await handlerReturned.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("4", RawGrpc.Header(response, "grpc-status"));
        var reply = await host.Client.UnaryAsync(TestMethods.Unary, new EchoRequest { Text = "still serving" });
        Assert.Equal("still serving", reply.Text);
    }

    [Fact]
    public async Task ServerStreaming_DeadlineWhileFlushBlockedByAClientThatStoppedReading_HandlerIsReleased()
    {
        var handlerEnded = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var hooks = new TestHooks
        {
            ServerStream = async (_, writer, context) =>
            {
                var big = new EchoReply { Payload = Google.Protobuf.ByteString.CopyFrom(new byte[1024 * 1024]) };
                try
                {
                    for (var i = 0; i < 200; i++)
                    {
                        await writer.WriteAsync(big, context.CancellationToken);
                    }

                    handlerEnded.TrySetResult("wrote everything");
                }
                catch (Exception ex)
                {
                    handlerEnded.TrySetResult(ex.GetType().Name);
                    throw;
                }
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        using var http = RawGrpc.Client();
        var request = RawGrpc.Request(host.Address, TestMethods.ServerStream.FullName, RawGrpc.Frame(new EchoRequest()));
        request.Headers.TryAddWithoutValidation("grpc-timeout", "300m");

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var outcome = await handlerEnded.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual("wrote everything", outcome);
        Assert.Equal("ok", (await host.Client.UnaryAsync(TestMethods.Unary, new EchoRequest { Text = "ok" })).Text);
    }

    [Fact]
    public async Task UnaryAsync_DeadlineAlreadyPassed_FailsWithoutCallingTheServer()
    {
        var called = false;
        var hooks = new TestHooks { Unary = (_, _) => { called = true; return Task.FromResult(new EchoReply()); } };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            host.Client.UnaryAsync(TestMethods.Unary, new EchoRequest(), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(-1))));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.False(called);
    }

    [Theory]
    [InlineData("2H", 2 * 3600_000_000_0L)]
    [InlineData("3M", 3 * 60_000_000_0L)]
    [InlineData("4S", 4 * 1_000_000_0L)]
    [InlineData("5m", 5 * 10_000L)]
    [InlineData("6u", 60L)]
    [InlineData("700n", 7L)]
    public void TryParse_EachUnit_GivesTheTimeSpan(string value, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(value, out var timeout));
        Assert.Equal(ticks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("123456789S")]
    [InlineData("5x")]
    [InlineData("-5S")]
    public void TryParse_Malformed_ReturnsFalse(string value) => Assert.False(GrpcTimeout.TryParse(value, out _));

    [Fact]
    public void Format_LongTimeout_FitsEightDigitsAndNeverShortens()
    {
        var formatted = GrpcTimeout.Format(TimeSpan.FromSeconds(12.3456789));

        Assert.True(formatted.Length <= 9);
        Assert.True(GrpcTimeout.TryParse(formatted, out var back));
        Assert.True(back >= TimeSpan.FromSeconds(12.3456789));
    }
}
