using ActorTrading.Runtime.Events;
using ActorTrading.Runtime.Future;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Tests.Context;

/// <summary>An actor that stops itself while handling Started: what was queued goes to dead letters, once, and requests fail.</summary>
public sealed class StopInStartedTests
{
    [Fact]
    public async Task StopInStarted_PendingRequestsAndSends_DeadLettersAndFuturesFail()
    {
        var d = new Deterministic();
        var dead = new List<DeadLetterEvent>();
        d.System.EventStream.Subscribe<DeadLetterEvent>(dead.Add);
        var received = new List<object>();
        var pid = d.Root.Spawn(Props.FromFunc(c =>
        {
            received.Add(c.Message);
            if (c.Message is Started) c.Stop(c.Self);
            return Task.CompletedTask;
        }));
        var request = d.Root.RequestAsync<string>(pid, "question", CancellationToken.None);
        d.Root.Send(pid, "plain");
        var runs = d.Dispatcher.RunUntilIdle();
        await Assert.ThrowsAsync<DeadLetterException>(() => request.Guarded());
        Assert.Equal(["plain"], dead.Select(e => e.Message).Where(m => m is "plain").ToArray());
        Assert.DoesNotContain("question", received);
        Assert.DoesNotContain("plain", received);
        Assert.Equal([Started.Instance, Stopping.Instance, Stopped.Instance], received);
        Assert.True(runs < 20, $"{runs} mailbox runs: the stop must not loop");
        Assert.Equal(0, d.System.ProcessRegistry.Count);
    }

    [Fact]
    public async Task PoisonInStarted_QueuedRequest_AnsweredBeforeStopping()
    {
        var d = new Deterministic();
        var pid = d.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is Started) c.Poison(c.Self);
            if (c.Message is "question") c.Respond("answer");
            return Task.CompletedTask;
        }));
        var request = d.Root.RequestAsync<string>(pid, "question", CancellationToken.None);
        d.Run();
        Assert.Equal("answer", await request.Guarded());
        Assert.Equal(0, d.System.ProcessRegistry.Count);
    }
}
