using System.Collections.Concurrent;
using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Mailbox;
using BenchmarkDotNet.Attributes;

namespace ActorTrading.Benchmarks.Runtime;

/// <summary>
/// One producer thread, batches of <see cref="Batch"/> messages: the user queue alone against
/// ConcurrentQueue (the baseline, what Proto.Actor's unbounded mailbox uses), then a whole
/// mailbox (post, schedule, run) on the deterministic dispatcher.
/// </summary>
[MemoryDiagnoser]
public class MailboxBenchmarks
{
    private object[] _messages = [];
    private ConcurrentQueue<object> _concurrentQueue = null!;
    private MpscQueue<object> _mpscQueue = null!;
    private UnboundedMailbox _mailbox = null!;
    private DeterministicDispatcher _dispatcher = null!;

    [Params(100)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _messages = Enumerable.Range(0, Batch).Select(i => (object)i.ToString()).ToArray();
        _concurrentQueue = new ConcurrentQueue<object>();
        _mpscQueue = new MpscQueue<object>();
        _dispatcher = new DeterministicDispatcher(throughput: 1000);
        _mailbox = new UnboundedMailbox();
        _mailbox.RegisterHandlers(new NoOpInvoker(), _dispatcher);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 100)]
    public void ConcurrentQueue()
    {
        foreach (var m in _messages) _concurrentQueue.Enqueue(m);
        while (_concurrentQueue.TryDequeue(out _)) { }
    }

    [Benchmark(OperationsPerInvoke = 100)]
    public void MpscQueue()
    {
        foreach (var m in _messages) _mpscQueue.Enqueue(m);
        while (_mpscQueue.TryDequeue(out _)) { }
    }

    [Benchmark(OperationsPerInvoke = 100)]
    public void UnboundedMailbox_PostAndRun()
    {
        foreach (var m in _messages) _mailbox.PostUserMessage(m);
        _dispatcher.RunUntilIdle();
    }
}
