using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Tests.Dispatch;

/// <summary>What every dispatcher guarantees to actors, run against each implementation below.</summary>
public abstract class DispatcherContractTests : IDisposable
{
    protected DispatcherContractTests()
    {
        Dispatcher = CreateDispatcher();
        System = new ActorSystem(new ActorSystemConfig { DefaultDispatcher = Dispatcher });
    }

    protected IDispatcher Dispatcher { get; }
    protected ActorSystem System { get; }

    protected abstract IDispatcher CreateDispatcher();

    /// <summary>Waits for <paramref name="task"/>, running the dispatcher if it runs nothing by itself.</summary>
    protected virtual Task<T> Drive<T>(Task<T> task) => task.Guarded();

    protected async Task Drive(Task task) => await Drive(task.ContinueWith(t => { t.GetAwaiter().GetResult(); return 0; }, TaskScheduler.Default));

    public virtual void Dispose() => (Dispatcher as IDisposable)?.Dispose();

    [Fact]
    public async Task Send_FourSendersConcurrently_OrderPreservedPerSender()
    {
        const int senders = 4, perSender = 2000;
        var done = Signals.NewSignal<long[]>();
        var next = new long[senders];
        var total = 0;
        var pid = System.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is Numbered n)
            {
                if (next[n.Sender] != n.Sequence) done.TrySetException(new Exception($"sender {n.Sender}: {n.Sequence} after {next[n.Sender]}"));
                next[n.Sender]++;
                if (++total == senders * perSender) done.TrySetResult(next);
            }
            return Task.CompletedTask;
        }));
        await Task.WhenAll(Enumerable.Range(0, senders).Select(s => Task.Run(() =>
        {
            for (var i = 0; i < perSender; i++) System.Root.Send(pid, new Numbered(s, i));
        })));
        var counts = await Drive(done.Task);
        Assert.All(counts, c => Assert.Equal(perSender, c));
    }

    [Fact]
    public async Task RequestAsync_ActorResponds_ReturnsTypedAnswer()
    {
        var pid = System.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is Ask ask) c.Respond(new Answer(ask.Text + "!"));
            return Task.CompletedTask;
        }));
        var answer = await Drive(System.Root.RequestAsync<Answer>(pid, new Ask("hi"), CancellationToken.None));
        Assert.Equal("hi!", answer.Text);
    }

    [Fact]
    public async Task Send_PingPongBetweenActors_AllRoundTripsComplete()
    {
        const int roundTrips = 1000;
        var done = Signals.NewSignal<int>();
        var echo = System.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is int n) c.Respond(n);
            return Task.CompletedTask;
        }));
        var pinger = System.Root.Spawn(Props.FromFunc(c =>
        {
            switch (c.Message)
            {
                case string: c.Request(echo, 1); break;
                case int n when n == roundTrips: done.TrySetResult(n); break;
                case int n: c.Request(echo, n + 1); break;
            }
            return Task.CompletedTask;
        }));
        System.Root.Send(pinger, "go");
        Assert.Equal(roundTrips, await Drive(done.Task));
    }

    [Fact]
    public async Task ReceiveAsync_HandlerAwaits_NextMessageWaitsAndNeverConcurrent()
    {
        var gate = Signals.NewSignal();
        var seen = new List<string>();
        var concurrent = 0;
        var maxConcurrent = 0;
        var done = Signals.NewSignal();
        var pid = System.Root.Spawn(Props.FromFunc(async c =>
        {
            if (c.Message is not string text) return;
            maxConcurrent = Math.Max(maxConcurrent, Interlocked.Increment(ref concurrent));
            if (text == "slow") await gate.Task;
            lock (seen) seen.Add(text);
            Interlocked.Decrement(ref concurrent);
            if (text == "last") done.TrySetResult();
        }));
        System.Root.Send(pid, "slow");
        System.Root.Send(pid, "last");
        gate.SetResult();
        await Drive(done.Task);
        Assert.Equal(["slow", "last"], seen);
        Assert.Equal(1, maxConcurrent);
    }

    [Fact]
    public async Task StopAsync_ParentWithChildren_LifecycleInOrderAndChildrenStopFirst()
    {
        var log = new List<string>();
        void Record(string entry) { lock (log) log.Add(entry); }
        var parent = System.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is Started)
                for (var i = 0; i < 3; i++)
                    c.SpawnNamed(Props.FromFunc(cc => { if (cc.Message is Stopped) Record("child stopped"); return Task.CompletedTask; }), "child" + i);
            if (c.Message is Stopping) Record("parent stopping");
            if (c.Message is Stopped) Record("parent stopped");
            return Task.CompletedTask;
        }));
        await Drive(System.Root.StopAsync(parent));
        Assert.Equal("parent stopping", log[0]);
        Assert.Equal(3, log.Count(e => e == "child stopped"));
        Assert.Equal("parent stopped", log[^1]);
    }
}
