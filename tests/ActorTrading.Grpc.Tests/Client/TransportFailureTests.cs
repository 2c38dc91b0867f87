using ActorTrading.Grpc.Tests.Infrastructure;
using ActorTrading.Grpc.Tests.Protos;

namespace ActorTrading.Grpc.Tests.Client;

/// <summary>Deadlines, cancellation, many concurrent calls and a lost connection, on each client transport.</summary>
public sealed class TransportFailureTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(TestTransports.All), MemberType = typeof(TestTransports))]
    public async Task UnaryAsync_DeadlinePassesWhileServerWaits_DeadlineExceededAndServerCancelled(string transport)
    {
        var (hooks, started, cancelled) = Blocking();
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        using var channel = TestTransports.Channel(host.Address, transport);
        var client = new GrpcClient(channel);
        await client.UnaryAsync(TestMethods.Unary, new EchoRequest { Text = "warm" }).WaitAsync(Guard); // connected: the deadline only runs the call

        var pending = client.UnaryAsync(TestMethods.Unary, new EchoRequest(), CallOptions.WithTimeout(TimeSpan.FromSeconds(1)));
        var ex = await Assert.ThrowsAsync<RpcException>(() => pending.WaitAsync(Guard));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        await started.Task.WaitAsync(Guard);
        await cancelled.Task.WaitAsync(Guard);
    }

    [Theory]
    [MemberData(nameof(TestTransports.All), MemberType = typeof(TestTransports))]
    public async Task UnaryAsync_TokenCancelled_CancelledAndStreamReset(string transport)
    {
        var (hooks, started, cancelled) = Blocking();
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        using var channel = TestTransports.Channel(host.Address, transport);
        using var cts = new CancellationTokenSource();

        var pending = new GrpcClient(channel).UnaryAsync(TestMethods.Unary, new EchoRequest(), new CallOptions(cancellationToken: cts.Token));
        await started.Task.WaitAsync(Guard);
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => pending.WaitAsync(Guard));

        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await cancelled.Task.WaitAsync(Guard); // the server saw RST_STREAM
        var after = await new GrpcClient(channel).UnaryAsync(TestMethods.Unary, new EchoRequest { Text = "next" }).WaitAsync(Guard);
        Assert.Equal("next", after.Text);
    }

    [Theory]
    [MemberData(nameof(TestTransports.AllWithUncoalesced), MemberType = typeof(TestTransports))]
    public async Task UnaryAsync_200ConcurrentCalls_EachGetsItsOwnReply(string transport)
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var channel = TestTransports.Channel(host.Address, transport);
        var client = new GrpcClient(channel);

        var calls = Enumerable.Range(0, 200).Select(i => client.UnaryAsync(TestMethods.Unary, new EchoRequest { Text = $"c{i}" })).ToArray();
        var replies = await Task.WhenAll(calls).WaitAsync(Guard);

        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"c{i}"), replies.Select(r => r.Text));
    }

    [Theory]
    [MemberData(nameof(TestTransports.All), MemberType = typeof(TestTransports))]
    public async Task UnaryAsync_ConnectionLostMidCall_UnavailableAndNextCallReconnects(string transport)
    {
        var (hooks, started, _) = Blocking();
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        await using var relay = new TcpRelay(host.Address);
        using var channel = TestTransports.Channel(relay.Address, transport);
        var client = new GrpcClient(channel);

        var pending = client.UnaryAsync(TestMethods.Unary, new EchoRequest { Text = "block" });
        await started.Task.WaitAsync(Guard);
        relay.DropAll();
        var ex = await Assert.ThrowsAsync<RpcException>(() => pending.WaitAsync(Guard));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        var after = await client.UnaryAsync(TestMethods.Unary, new EchoRequest { Text = "again" }).WaitAsync(Guard);
        Assert.Equal("again", after.Text);
        Assert.Equal(2, relay.Accepted);
    }

    /// <summary>A unary handler that blocks on "block" (or any text when it is the first call) until its call is cancelled.</summary>
    private static (TestHooks Hooks, TaskCompletionSource Started, TaskCompletionSource Cancelled) Blocking()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hooks = new TestHooks
        {
            Unary = async (request, context) =>
            {
                if (request.Text is "" or "block")
                {
                    await using (context.CancellationToken.Register(() => cancelled.TrySetResult()))
                    {
                        started.TrySetResult();
                        await Task.Delay(Timeout.Infinite, context.CancellationToken);
                    }
                }

                return new EchoReply { Text = request.Text };
            },
        };
        return (hooks, started, cancelled);
    }
}
