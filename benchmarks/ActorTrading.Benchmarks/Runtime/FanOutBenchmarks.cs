using ActorTrading.Runtime;
using ActorTrading.Runtime.Messages;
using BenchmarkDotNet.Attributes;

namespace ActorTrading.Benchmarks.Runtime;

/// <summary>
/// One broadcast to <see cref="Children"/> actors, each acknowledging to the coordinator, against
/// queueing as many no-op thread-pool work items and counting them down (baseline: the raw
/// scheduling cost).
/// </summary>
[MemoryDiagnoser]
public class FanOutBenchmarks
{
    private ActorSystem _system = null!;
    private PID _coordinator = null!;
    private readonly CountdownWork[] _work = new CountdownWork[1];
    private TaskCompletionSource _round = new();

    [Params(10_000)]
    public int Children { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = new ActorSystem();
        var children = new List<PID>();
        var acks = 0;
        _coordinator = _system.Root.Spawn(Props.FromFunc(c =>
        {
            switch (c.Message)
            {
                case Started:
                    for (var i = 0; i < Children; i++)
                        children.Add(c.Spawn(Props.FromFunc(cc => { if (cc.Message is string) cc.Send(cc.Parent!, "ack"); return Task.CompletedTask; })));
                    break;
                case "broadcast":
                    acks = 0;
                    foreach (var child in children) c.Send(child, "tick");
                    break;
                case "ack" when ++acks == Children:
                    _round.SetResult();
                    break;
            }
            return Task.CompletedTask;
        }));
        _work[0] = new CountdownWork(Children);
    }

    [GlobalCleanup]
    public void Cleanup() => _system.ShutdownAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task ThreadPoolWorkItems()
    {
        var work = _work[0];
        work.Reset();
        for (var i = 0; i < Children; i++) ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
        return work.Done;
    }

    [Benchmark]
    public Task BroadcastAndAcks()
    {
        _round = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _system.Root.Send(_coordinator, "broadcast");
        return _round.Task;
    }

    private sealed class CountdownWork(int count) : IThreadPoolWorkItem
    {
        private int _remaining;
        private TaskCompletionSource _done = new();
        public Task Done => _done.Task;

        public void Reset()
        {
            _remaining = count;
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Execute()
        {
            if (Interlocked.Decrement(ref _remaining) == 0) _done.SetResult();
        }
    }
}
