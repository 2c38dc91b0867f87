using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Runtime.Tests.Mailbox;

public sealed class MpscQueueTests
{
    [Fact]
    public void TryDequeue_Empty_ReturnsFalse()
    {
        var queue = new MpscQueue<string>(2);
        Assert.False(queue.TryDequeue(out _));
        Assert.False(queue.HasItems);
    }

    [Fact]
    public void Enqueue_BeyondCapacity_GrowsAndKeepsOrder()
    {
        var queue = new MpscQueue<string>(2);
        for (var i = 0; i < 1000; i++) queue.Enqueue(i.ToString());
        Assert.Equal(1000, queue.Count);
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(queue.TryDequeue(out var item));
            Assert.Equal(i.ToString(), item);
        }
        Assert.False(queue.HasItems);
    }

    [Fact]
    public void Enqueue_InterleavedWithDequeue_ReusesRingWithoutLoss()
    {
        var queue = new MpscQueue<object>(4);
        var boxes = Enumerable.Range(0, 3).Select(i => (object)i).ToArray();
        for (var round = 0; round < 10_000; round++)
        {
            foreach (var box in boxes) queue.Enqueue(box);
            foreach (var box in boxes)
            {
                Assert.True(queue.TryDequeue(out var item));
                Assert.Same(box, item);
            }
        }
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void Ctor_CapacityNotPowerOfTwo_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MpscQueue<string>(3));

    /// <summary>Eight racing producers and one consumer, each on its own thread (not pool threads the pool must first
    /// inject). 200,000 each: the interleavings come from the racing, not the count; at a million each the 8 M items
    /// took over a minute on a loaded 2-core machine.</summary>
    [Fact]
    public async Task Enqueue_EightRacingProducers_NothingLostOrDuplicatedAndPerProducerOrder()
    {
        const int producers = 8;
        const int perProducer = 200_000;
        var queue = new MpscQueue<Numbered>(16);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, producers).Select(p => Task.Factory.StartNew(() =>
        {
            start.Task.Wait();
            for (var i = 0; i < perProducer; i++) queue.Enqueue(new Numbered(p, i));
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        var next = new long[producers];
        long received = 0;
        start.SetResult();
        var consumer = Task.Factory.StartNew(() =>
        {
            while (received < producers * (long)perProducer)
            {
                if (!queue.TryDequeue(out var item)) { Thread.SpinWait(20); continue; }
                Assert.Equal(next[item!.Sender], item.Sequence);
                next[item.Sender]++;
                received++;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));
        await consumer.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.All(next, n => Assert.Equal(perProducer, n));
        Assert.False(queue.TryDequeue(out _));
    }
}
