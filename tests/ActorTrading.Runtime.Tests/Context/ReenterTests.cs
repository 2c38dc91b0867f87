namespace ActorTrading.Runtime.Tests.Context;

public sealed class ReenterTests
{
    [Fact]
    public async Task ReenterAfter_TaskPending_OtherMessagesProcessedAndContinuationOnActorWithOriginalSender()
    {
        var system = new ActorSystem();
        var external = Signals.NewSignal<string>();
        var log = new List<string>();
        var inside = 0;
        var maxInside = 0;
        var secondHandled = Signals.NewSignal();
        void Enter() => maxInside = Math.Max(maxInside, Interlocked.Increment(ref inside));
        var pid = system.Root.Spawn(Props.FromFunc(c =>
        {
            Enter();
            try
            {
                switch (c.Message)
                {
                    case Ask { Text: "slow" }:
                        c.ReenterAfter(external.Task, t =>
                        {
                            Enter();
                            log.Add("continuation: " + t.Result);
                            c.Respond(new Answer(t.Result));
                            Interlocked.Decrement(ref inside);
                            return Task.CompletedTask;
                        });
                        break;
                    case string s:
                        log.Add("handled " + s);
                        secondHandled.TrySetResult();
                        break;
                }
            }
            finally
            {
                Interlocked.Decrement(ref inside);
            }
            return Task.CompletedTask;
        }));
        var answer = system.Root.RequestAsync<Answer>(pid, new Ask("slow"), CancellationToken.None);
        system.Root.Send(pid, "next");
        await secondHandled.Task.Guarded(); // the mailbox was not blocked by the pending task
        external.SetResult("done");
        Assert.Equal("done", (await answer.Guarded()).Text);
        Assert.Equal(["handled next", "continuation: done"], log);
        Assert.Equal(1, maxInside);
    }

    [Fact]
    public async Task ReenterAfter_ManyConcurrentContinuations_NeverRunInParallel()
    {
        var system = new ActorSystem();
        var inside = 0;
        var maxInside = 0;
        var completed = 0;
        var done = Signals.NewSignal();
        var pid = system.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is int)
                c.ReenterAfter(Task.Run(() => Thread.SpinWait(100)), () =>
                {
                    maxInside = Math.Max(maxInside, Interlocked.Increment(ref inside));
                    Thread.SpinWait(1000);
                    Interlocked.Decrement(ref inside);
                    if (++completed == 200) done.TrySetResult();
                });
            return Task.CompletedTask;
        }));
        for (var i = 0; i < 200; i++) system.Root.Send(pid, i);
        await done.Task.Guarded();
        Assert.Equal(1, maxInside);
    }
}
