using System.Diagnostics;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Dispatch;

namespace ActorTrading.Load.Runtime;

/// <summary>
/// A caller on a dedicated thread sends one RequestAsync every <c>--paced-us</c> microseconds to
/// an echo actor on the chosen dispatcher and waits for each reply (spinning: the caller stands
/// for a latency-critical thread). Reports latency percentiles of the round trip.
/// </summary>
public sealed class RequestLatencyScenario : IScenario
{
    public string Name => "request-latency";
    public string Usage => "--requests 20000 --paced-us 100 --dispatcher latency|threadpool [--spin-us 1000]";

    public Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct)
    {
        var requests = args.Int("requests", 20_000);
        var pacedUs = args.Int("paced-us", 100);
        var kind = args.Str("dispatcher", "latency");
        var spinUs = args.Int("spin-us", 1000);
        IDispatcher dispatcher = kind switch
        {
            "latency" => new LatencyDispatcher(spinDuration: TimeSpan.FromMicroseconds(spinUs)),
            "threadpool" => ThreadPoolDispatcher.Default,
            _ => throw new ArgumentException($"--dispatcher must be latency or threadpool, not '{kind}'"),
        };
        var system = new ActorSystem();
        var echo = system.Root.Spawn(Props.FromProducer(() => new Responder()).WithDispatcher(dispatcher));
        var histogram = new LatencyHistogram();
        var warmup = Math.Max(10_000, requests / 2);
        var thread = new Thread(() => Run(system, echo, warmup, requests, pacedUs, histogram, progress, ct)) { Name = "caller", IsBackground = true };
        thread.Start();
        thread.Join();
        (dispatcher as IDisposable)?.Dispose();
        progress.WriteLine($"{histogram.Count:N0} requests: p50 {histogram.PercentileMicros(50):N1} us, p99 {histogram.PercentileMicros(99):N1} us, p99.9 {histogram.PercentileMicros(99.9):N1} us");
        return Task.FromResult(new ScenarioResult()
            .Add("p50_us", histogram.PercentileMicros(50)).Add("p99_us", histogram.PercentileMicros(99))
            .Add("p999_us", histogram.PercentileMicros(99.9)).Add("max_us", histogram.MaxNanos / 1000.0));
    }

    private static void Run(ActorSystem system, PID echo, int warmup, int requests, int pacedUs, LatencyHistogram histogram, TextWriter progress, CancellationToken ct)
    {
        var ping = new Ping(echo);
        var interval = Stopwatch.Frequency * pacedUs / 1_000_000;
        var next = Stopwatch.GetTimestamp();
        for (var i = -warmup; i < requests && !ct.IsCancellationRequested; i++)
        {
            while (Stopwatch.GetTimestamp() < next) Thread.SpinWait(10);
            next += interval;
            var start = Stopwatch.GetTimestamp();
            var reply = system.Root.RequestAsync<Ping>(echo, ping, CancellationToken.None);
            while (!reply.IsCompleted) Thread.SpinWait(1);
            var elapsed = Stopwatch.GetTimestamp() - start;
            reply.GetAwaiter().GetResult();
            if (i >= 0) histogram.Record(elapsed * 1_000_000_000 / Stopwatch.Frequency);
            if (i == -1) Thread.Sleep(300); // let tiered compilation promote the hot methods before measuring
            if (i > 0 && i % 5000 == 0) progress.WriteLine($"{i:N0} requests, p99 so far {histogram.PercentileMicros(99):N1} us");
            if (Stopwatch.GetTimestamp() > next + 100 * interval) next = Stopwatch.GetTimestamp(); // do not burst after a stall
        }
    }
}
