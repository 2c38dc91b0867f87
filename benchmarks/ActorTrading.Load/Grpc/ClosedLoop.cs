using System.Diagnostics;

namespace ActorTrading.Load.Grpc;

/// <summary>
/// A closed-loop run: N workers each make one call at a time until the calls are used up. Measures latency per call,
/// throughput, bytes allocated and process CPU per call (CPU is the steadier figure on a shared machine).
/// </summary>
internal static class ClosedLoop
{
    public static async Task<ScenarioResult> MeasureAsync(int calls, int warmup, int inflight, Func<Task> call, TextWriter progress, CancellationToken ct)
    {
        await RunAsync(warmup, inflight, call, ct);
        var counters = RunCounters.Take(); // first: reading /proc allocates, and that must not count as the calls' bytes
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var all = await RunAsync(calls, inflight, call, ct);
        var seconds = clock.Elapsed.TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var used = RunCounters.Take() - counters;
        progress.WriteLine($"{all.Count} calls, {inflight} in flight, {seconds:F2} s; methods JIT-compiled before the measured calls {counters.JittedMethods}, during them {used.JittedMethods}");
        return new ScenarioResult()
            .Add("p50_us", all.PercentileMicros(50))
            .Add("p99_us", all.PercentileMicros(99))
            .Add("p999_us", all.PercentileMicros(99.9))
            .Add("calls_per_sec", all.Count / seconds)
            .Add("alloc_bytes_per_call", (double)allocated / Math.Max(1, all.Count))
            .Add("cpu_us_per_call", cpu.TotalMicroseconds / Math.Max(1, all.Count))
            .Add("gen0_gcs", used.Gen0Collections)
            .Add("threadpool_items_per_call", (double)used.ThreadPoolItems / Math.Max(1, all.Count))
            .Add("voluntary_switches_per_call", (double)used.ContextSwitches / Math.Max(1, all.Count))
            .Add("lock_contentions", used.LockContentions)
            .Add("jit_methods", used.JittedMethods)
            .Add("jit_ms", used.JitTime.TotalMilliseconds);
    }

    private static async Task<LatencyHistogram> RunAsync(int calls, int inflight, Func<Task> call, CancellationToken ct)
    {
        var histograms = new LatencyHistogram[inflight];
        var workers = new Task[inflight];
        var remaining = calls;
        for (var w = 0; w < inflight; w++)
        {
            var histogram = histograms[w] = new LatencyHistogram();
            workers[w] = Task.Run(async () =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0 && !ct.IsCancellationRequested)
                {
                    var start = Stopwatch.GetTimestamp();
                    await call();
                    histogram.Record((long)(Stopwatch.GetElapsedTime(start).TotalMicroseconds * 1000));
                }
            }, ct);
        }

        await Task.WhenAll(workers);
        var all = new LatencyHistogram();
        foreach (var h in histograms)
        {
            all.Add(h);
        }

        return all;
    }
}
