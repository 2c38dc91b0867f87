using ActorTrading.Runtime.Dispatch;

namespace ActorTrading.Runtime.Tests.Dispatch;

public sealed class LatencyDispatcherTests
{
    [Fact]
    public async Task Schedule_AfterThreadParked_WakesAndRuns()
    {
        using var dispatcher = new LatencyDispatcher(spinDuration: TimeSpan.Zero);
        var system = new ActorSystem(new ActorSystemConfig { DefaultDispatcher = dispatcher });
        var threads = new HashSet<int>();
        var pid = system.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is Ask ask)
            {
                lock (threads) threads.Add(Environment.CurrentManagedThreadId);
                c.Respond(new Answer(ask.Text));
            }
            return Task.CompletedTask;
        }));
        for (var i = 0; i < 50; i++)
        {
            // with no spinning the thread parks between requests; each one must wake it
            var answer = await system.Root.RequestAsync<Answer>(pid, new Ask("n" + i), CancellationToken.None).Guarded();
            Assert.Equal("n" + i, answer.Text);
        }
        Assert.Single(threads);
        Assert.NotEqual(Environment.CurrentManagedThreadId, threads.Single());
    }

    [Fact]
    public void Dispose_Twice_StopsThreadWithoutError()
    {
        var dispatcher = new LatencyDispatcher(spinDuration: TimeSpan.FromMicroseconds(10));
        dispatcher.Dispose();
        dispatcher.Dispose();
    }

    [Fact]
    public void Ctor_ZeroThroughput_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyDispatcher(throughput: 0));
}
