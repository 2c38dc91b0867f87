using ActorTrading.Runtime.Messages;
using ActorTrading.Runtime.Remote;
using Google.Protobuf.WellKnownTypes;

namespace ActorTrading.Runtime.Tests.Remote;

/// <summary>Two actor systems in this process talking over real gRPC on loopback.</summary>
public sealed class RemoteTests
{
    private static StringValue Text(string value) => new() { Value = value };

    [Fact]
    public async Task RequestAsync_PidOnAnotherNode_ReplyComesBackToTheFuture()
    {
        await using var a = await RemoteNode.StartAsync("a");
        await using var b = await RemoteNode.StartAsync("b");
        var echo = b.System.Root.SpawnNamed(Props.FromProducer(() => new EchoActor()), "echo");
        var remoteEcho = new PID(b.Address, echo.Id);

        var reply = await a.System.Root.RequestAsync<StringValue>(remoteEcho, Text("ping"), CancellationToken.None).Guarded();

        Assert.Equal(b.Address + ":ping", reply.Value);
    }

    [Fact]
    public async Task RequestAsync_ManyAtOnce_AllAnsweredAndBatched()
    {
        await using var a = await RemoteNode.StartAsync("a");
        await using var b = await RemoteNode.StartAsync("b");
        var echo = new PID(b.Address, b.System.Root.SpawnNamed(Props.FromProducer(() => new EchoActor()), "echo").Id);

        var replies = await Task.WhenAll(Enumerable.Range(0, 2000)
            .Select(i => a.System.Root.RequestAsync<StringValue>(echo, Text(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None))).Guarded();

        Assert.Equal(Enumerable.Range(0, 2000).Select(i => b.Address + ":" + i), replies.Select(r => r.Value));
        var (envelopes, batches) = a.Remote.Sent;
        Assert.Equal(2000, envelopes);
        Assert.True(batches < envelopes, $"{envelopes} envelopes in {batches} batches: nothing was batched");
    }

    [Fact]
    public async Task RequestAsync_UnreachableNode_FailsFastWithRemoteUnavailable()
    {
        await using var a = await RemoteNode.StartAsync("a");
        var nobody = new PID("127.0.0.1:" + RemoteNode.FreePort(), "echo");

        var failure = await Assert.ThrowsAsync<RemoteUnavailableException>(() =>
            a.System.Root.RequestAsync<StringValue>(nobody, Text("ping"), CancellationToken.None).Guarded());

        Assert.Equal(nobody.Address, failure.Address);
        // while the peer is down (backoff), the next request fails at once, before anything is queued
        await Assert.ThrowsAsync<RemoteUnavailableException>(() =>
            a.System.Root.RequestAsync<StringValue>(nobody, Text("again"), CancellationToken.None).Guarded());
    }

    [Fact]
    public async Task RequestAsync_PeerDiesWithTheRequestInFlight_FailsWithRemoteUnavailable()
    {
        await using var a = await RemoteNode.StartAsync("a");
        await using var b = await RemoteNode.StartAsync("b");
        var echo = new PID(b.Address, b.System.Root.SpawnNamed(Props.FromProducer(() => new EchoActor()), "echo").Id);
        await a.System.Root.RequestAsync<StringValue>(echo, Text("warm-up"), CancellationToken.None).Guarded();

        var pending = a.System.Root.RequestAsync<StringValue>(echo, Text("silent"), CancellationToken.None);
        await b.KillServerAsync();

        await Assert.ThrowsAsync<RemoteUnavailableException>(() => pending.Guarded());
    }

    [Fact]
    public async Task Watch_RemoteActorStops_WatcherReceivesTerminated()
    {
        await using var a = await RemoteNode.StartAsync("a");
        await using var b = await RemoteNode.StartAsync("b");
        var echo = new PID(b.Address, b.System.Root.SpawnNamed(Props.FromProducer(() => new EchoActor()), "echo").Id);
        var terminated = new TaskCompletionSource<Terminated>(TaskCreationOptions.RunContinuationsAsynchronously);
        var watched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.System.Root.Spawn(Props.FromFunc(context =>
        {
            switch (context.Message)
            {
                case Started: context.Watch(echo); watched.SetResult(); break;
                case Terminated t: terminated.TrySetResult(t); break;
            }
            return Task.CompletedTask;
        }));
        await watched.Task.Guarded();
        // the request is answered after the watch (same stream, same order), so the watch is registered on b by then
        await a.System.Root.RequestAsync<StringValue>(echo, Text("sync"), CancellationToken.None).Guarded();

        a.System.Root.Send(echo, Text("stop"));

        var t = await terminated.Task.Guarded();
        Assert.Equal(echo, t.Who);
    }

    [Fact]
    public async Task Send_TypeWithoutSerializer_ThrowsRemoteSerializationException()
    {
        await using var a = await RemoteNode.StartAsync("a");
        var somewhere = new PID("127.0.0.1:1", "x");

        Assert.Throws<RemoteSerializationException>(() => a.System.Root.Send(somewhere, new object()));
    }
}
