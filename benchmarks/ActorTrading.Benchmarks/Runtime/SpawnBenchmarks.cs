using ActorTrading.Runtime;
using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Messages;
using BenchmarkDotNet.Attributes;

namespace ActorTrading.Benchmarks.Runtime;

/// <summary>
/// Spawning <see cref="Count"/> root actors until each has processed Started, on the thread
/// pool, against the same spawns on the deterministic dispatcher run inline (baseline: creation
/// and registration without the thread pool).
/// </summary>
[MemoryDiagnoser]
public class SpawnBenchmarks
{
    private ActorSystem _pooled = null!;
    private ActorSystem _inline = null!;
    private DeterministicDispatcher _dispatcher = null!;
    private Props _props = null!;
    private int _started;
    private TaskCompletionSource _allStarted = new();

    [Params(1000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pooled = new ActorSystem();
        _dispatcher = new DeterministicDispatcher();
        _inline = new ActorSystem(new ActorSystemConfig { DefaultDispatcher = _dispatcher });
        _props = Props.FromFunc(c =>
        {
            if (c.Message is Started && Interlocked.Increment(ref _started) == Count) _allStarted.TrySetResult();
            return Task.CompletedTask;
        });
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 1000)]
    public void SpawnInline()
    {
        _started = 0;
        var pids = new PID[Count];
        for (var i = 0; i < Count; i++) pids[i] = _inline.Root.Spawn(_props);
        _dispatcher.RunUntilIdle();
        foreach (var pid in pids) _inline.Root.Stop(pid);
        _dispatcher.RunUntilIdle();
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public async Task SpawnOnThreadPool()
    {
        _started = 0;
        _allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pids = new PID[Count];
        for (var i = 0; i < Count; i++) pids[i] = _pooled.Root.Spawn(_props);
        await _allStarted.Task;
        await Task.WhenAll(pids.Select(_pooled.Root.StopAsync));
    }
}
