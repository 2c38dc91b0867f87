using ActorTrading.Runtime.Events;
using ActorTrading.Runtime.Future;

namespace ActorTrading.Runtime.Tests.Future;

public sealed class RequestTests
{
    private static PID Silent(Deterministic d) => d.Root.Spawn(Props.FromFunc(_ => Task.CompletedTask));

    [Fact]
    public async Task RequestAsync_NoAnswerWithinTimeout_ThrowsTimeoutOnSystemClock()
    {
        var d = new Deterministic();
        var pid = Silent(d);
        var request = d.Root.RequestAsync<Answer>(pid, new Ask("?"), TimeSpan.FromSeconds(2));
        d.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(request.IsCompleted);
        d.Advance(TimeSpan.FromMilliseconds(1));
        await Assert.ThrowsAsync<TimeoutException>(() => request.Guarded());
    }

    [Fact]
    public async Task RequestAsync_DefaultTimeout_FromConfig()
    {
        var d = new Deterministic();
        var request = d.Root.RequestAsync<Answer>(Silent(d), new Ask("?"));
        d.Advance(d.System.Config.DefaultRequestTimeout);
        await Assert.ThrowsAsync<TimeoutException>(() => request.Guarded());
    }

    [Fact]
    public async Task RequestAsync_TargetDead_ThrowsDeadLetterWithoutWaitingForTimeout()
    {
        var d = new Deterministic();
        var pid = Silent(d);
        d.Root.Stop(pid);
        d.Run();
        var request = d.Root.RequestAsync<Answer>(pid, new Ask("?"), TimeSpan.FromHours(1));
        var error = await Assert.ThrowsAsync<DeadLetterException>(() => request.Guarded()); // no clock movement
        Assert.Equal(pid, error.Target);
    }

    [Fact]
    public async Task RequestAsync_TargetNeverExisted_ThrowsDeadLetter()
    {
        var system = new ActorSystem();
        var request = system.Root.RequestAsync<Answer>(new PID(system.Address, "nobody"), new Ask("?"), TimeSpan.FromHours(1));
        await Assert.ThrowsAsync<DeadLetterException>(() => request.Guarded());
    }

    [Fact]
    public async Task RequestAsync_TargetStopsWithRequestQueued_ThrowsDeadLetter()
    {
        var d = new Deterministic();
        var pid = Silent(d);
        d.Run();
        var request = d.Root.RequestAsync<Answer>(pid, new Ask("?"), TimeSpan.FromHours(1));
        d.Root.Stop(pid); // system message: handled before the queued request
        d.Run();
        await Assert.ThrowsAsync<DeadLetterException>(() => request.Guarded());
    }

    [Fact]
    public async Task RequestAsync_Canceled_ThrowsOperationCanceled()
    {
        var d = new Deterministic();
        using var cts = new CancellationTokenSource();
        var request = d.Root.RequestAsync<Answer>(Silent(d), new Ask("?"), cts.Token);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request.Guarded());
    }

    [Fact]
    public async Task RequestAsync_WrongResponseType_ThrowsInvalidCast()
    {
        var d = new Deterministic();
        var pid = d.Root.Spawn(Props.FromFunc(c => { if (c.Message is Ask) c.Respond(42); return Task.CompletedTask; }));
        var request = d.Root.RequestAsync<Answer>(pid, new Ask("?"), CancellationToken.None);
        d.Run();
        await Assert.ThrowsAsync<InvalidCastException>(() => request.Guarded());
    }

    [Fact]
    public async Task Respond_AfterTimeout_GoesToDeadLetters()
    {
        var d = new Deterministic();
        var dead = new List<DeadLetterEvent>();
        d.System.EventStream.Subscribe<DeadLetterEvent>(dead.Add);
        var pid = d.Root.Spawn(Props.FromFunc(c => { if (c.Message is Ask) c.Respond(new Answer("late")); return Task.CompletedTask; }));
        d.Run();
        var request = d.Root.RequestAsync<Answer>(pid, new Ask("?"), TimeSpan.FromSeconds(1));
        d.Clock.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<TimeoutException>(() => request.Guarded());
        d.Run();
        Assert.IsType<Answer>(Assert.Single(dead).Message);
    }

    [Fact]
    public async Task RequestAsync_ManyConcurrent_NoRegistryEntries()
    {
        var system = new ActorSystem();
        var pid = system.Root.Spawn(Props.FromFunc(c => { if (c.Message is int n) c.Respond(n); return Task.CompletedTask; }));
        var registered = system.ProcessRegistry.Count;
        var requests = Enumerable.Range(0, 1000).Select(i => system.Root.RequestAsync<int>(pid, i, CancellationToken.None)).ToArray();
        Assert.Equal(registered, system.ProcessRegistry.Count);
        var answers = await Task.WhenAll(requests).Guarded();
        Assert.Equal(Enumerable.Range(0, 1000), answers);
    }
}
