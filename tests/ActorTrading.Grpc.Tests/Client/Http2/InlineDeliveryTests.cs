using ActorTrading.Grpc.Http2;
using ActorTrading.Grpc.Tests.Infrastructure;
using ActorTrading.Grpc.Tests.Protos;

namespace ActorTrading.Grpc.Tests.Client.Http2;

/// <summary>
/// <see cref="Http2HandlerOptions.InlineDelivery"/>: the reader loop runs one woken caller's continuation on its own
/// thread, but only after its next socket read is registered. A caller that blocks there (sync over async on the same
/// connection) must not stall the reader, and cancellation must never run the caller inside <c>Cancel()</c>.
/// Each test runs with the option on (the default) and off.
/// </summary>
public sealed class InlineDeliveryTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    public static TheoryData<bool> Modes => new(true, false);

    private static GrpcChannel Channel(Uri address, bool inline) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = GrpcChannel.CreateHttp2Handler(new Http2HandlerOptions { InlineDelivery = inline }),
        });

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task UnaryAsync_ContinuationBlocksOnAnotherCallOfTheSameConnection_BothComplete(bool inline)
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var channel = Channel(host.Address, inline);
        var client = new GrpcClient(channel);

        async Task<string> ChainAsync()
        {
            var first = await client.UnaryAsync(TestMethods.Unary, new EchoRequest { Text = "a" });
            // Runs where the first response was delivered (the reader's thread when inline): blocking here must not
            // keep the reader from reading the second response.
            var second = client.UnaryAsync(TestMethods.Unary, new EchoRequest { Text = "b" }).GetAwaiter().GetResult();
            return first.Text + second.Text;
        }

        Assert.Equal("ab", await Task.Run(ChainAsync).WaitAsync(Guard));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task UnaryAsync_ConcurrentCallersEachBlockOnAFollowUpCall_AllComplete(bool inline)
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var channel = Channel(host.Address, inline);
        var client = new GrpcClient(channel);

        async Task<string> ChainAsync(int i)
        {
            var first = await client.UnaryAsync(TestMethods.Unary, new EchoRequest { Text = $"{i}" });
            var second = client.UnaryAsync(TestMethods.Unary, new EchoRequest { Text = "+" }).GetAwaiter().GetResult();
            return first.Text + second.Text;
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => ChainAsync(i)))).WaitAsync(Guard);

        Assert.Equal(["0+", "1+", "2+", "3+"], results);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task ServerStreaming_ConsumerBlocksOnAUnaryCallPerMessage_AllMessagesAndRepliesArrive(bool inline)
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var channel = Channel(host.Address, inline);
        var client = new GrpcClient(channel);

        async Task<List<string>> ConsumeAsync()
        {
            var seen = new List<string>();
            using var stream = client.ServerStreaming(TestMethods.ServerStream, new EchoRequest { Text = "s", Count = 5 });
            await foreach (var item in stream.ResponseStream.ReadAllAsync())
            {
                var reply = client.UnaryAsync(TestMethods.Unary, new EchoRequest { Text = $"u{item.Index}" }).GetAwaiter().GetResult();
                seen.Add($"{item.Text}{item.Index}/{reply.Text}");
            }

            return seen;
        }

        var seen = await Task.Run(ConsumeAsync).WaitAsync(Guard);

        Assert.Equal(["s0/u0", "s1/u1", "s2/u2", "s3/u3", "s4/u4"], seen);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task UnaryAsync_TokenCancelled_CallerContinuesOffTheCancellingThread(bool inline)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hooks = new TestHooks
        {
            Unary = async (request, context) =>
            {
                if (request.Text == "block")
                {
                    started.TrySetResult();
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }

                return new EchoReply { Text = request.Text };
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        using var channel = Channel(host.Address, inline);
        using var cts = new CancellationTokenSource();
        using var cancelReturned = new ManualResetEventSlim();

        var pending = new GrpcClient(channel).UnaryAsync(TestMethods.Unary, new EchoRequest { Text = "block" }, new CallOptions(cancellationToken: cts.Token));
        // Waits for Cancel() to return: if the caller's continuation ran inside Cancel(), this wait would only end at
        // its guard and report false.
        var observed = pending.ContinueWith(t => (cancelReturned.Wait(Guard), t.Exception?.InnerException),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        await started.Task.WaitAsync(Guard);
        cts.Cancel();
        cancelReturned.Set();
        var (waited, error) = await observed.WaitAsync(Guard);

        Assert.True(waited, "the caller's continuation ran inside CancellationTokenSource.Cancel()");
        Assert.Equal(StatusCode.Cancelled, Assert.IsType<RpcException>(error).StatusCode);
        var after = await new GrpcClient(channel).UnaryAsync(TestMethods.Unary, new EchoRequest { Text = "next" }).WaitAsync(Guard);
        Assert.Equal("next", after.Text);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task UnaryAsync_DeadlinePasses_DeadlineExceededAndTheConnectionStillServes(bool inline)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hooks = new TestHooks
        {
            Unary = async (request, context) =>
            {
                if (request.Text == "slow")
                {
                    started.TrySetResult();
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }

                return new EchoReply { Text = request.Text };
            },
        };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        using var channel = Channel(host.Address, inline);
        var client = new GrpcClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.Unary, new EchoRequest { Text = "slow" },
            new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(200))).WaitAsync(Guard));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.Equal("fast", (await client.UnaryAsync(TestMethods.Unary, new EchoRequest { Text = "fast" }).WaitAsync(Guard)).Text);
    }
}
