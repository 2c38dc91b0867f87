using ActorTrading.Runtime;
using ActorTrading.Runtime.Dispatch;
using BenchmarkDotNet.Attributes;

namespace ActorTrading.Benchmarks.Runtime;

/// <summary>
/// One request/response round trip from outside the system: RequestAsync on the thread-pool and
/// latency dispatchers, against a Send carrying its own TaskCompletionSource (baseline: the same
/// hop without a future process).
/// </summary>
[MemoryDiagnoser]
public class RequestAsyncBenchmarks
{
    private ActorSystem _system = null!;
    private LatencyDispatcher _latency = null!;
    private PID _pooledEcho = null!;
    private PID _latencyEcho = null!;
    private PID _completer = null!;
    private readonly object _request = new();

    [GlobalSetup]
    public void Setup()
    {
        _system = new ActorSystem();
        _latency = new LatencyDispatcher(spinDuration: TimeSpan.FromMilliseconds(1));
        var echo = Props.FromFunc(c => { if (c.Sender is { } s) c.Send(s, c.Message); return Task.CompletedTask; });
        _pooledEcho = _system.Root.Spawn(echo);
        _latencyEcho = _system.Root.Spawn(echo.WithDispatcher(_latency));
        _completer = _system.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is TaskCompletionSource<object> tcs) tcs.SetResult(tcs);
            return Task.CompletedTask;
        }));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _system.ShutdownAsync().GetAwaiter().GetResult();
        _latency.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<object> SendWithOwnCompletion()
    {
        var tcs = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        _system.Root.Send(_completer, tcs);
        return tcs.Task;
    }

    [Benchmark]
    public Task<object> RequestAsync_ThreadPool() => _system.Root.RequestAsync<object>(_pooledEcho, _request, CancellationToken.None);

    [Benchmark]
    public Task<object> RequestAsync_LatencyDispatcher() => _system.Root.RequestAsync<object>(_latencyEcho, _request, CancellationToken.None);
}
