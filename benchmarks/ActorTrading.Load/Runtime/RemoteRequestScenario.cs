using System.Diagnostics;
using ActorTrading.Runtime;
using Google.Protobuf.WellKnownTypes;

namespace ActorTrading.Load.Runtime;

/// <summary>
/// Two actor systems in this process on loopback over the real Remote (a gRPC bidi stream, Kestrel h2c): callers on node A
/// send RequestAsync to an echo actor on node B and await each reply, <c>--inflight</c> of them at a time. Measures the
/// remote round trip (serialize, batch, HTTP/2 frame, dispatch, reply back the same way): latency percentiles and
/// throughput. The in-process floor is <c>request-latency</c>.
/// </summary>
public sealed class RemoteRequestScenario : IScenario
{
    public string Name => "remote-request";
    public string Usage => "--requests 100000 --inflight 1|16 [--warmup 20000]";

    public async Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct)
    {
        var requests = args.Int("requests", 100_000);
        var inflight = args.Int("inflight", 1);
        var warmup = args.Int("warmup", 20_000);
        if (requests <= 0 || inflight <= 0 || warmup < 0) throw new ArgumentException("--requests and --inflight must be positive, --warmup not negative");
        await using var a = await LoopbackNode.StartAsync("bench-a").ConfigureAwait(false);
        await using var b = await LoopbackNode.StartAsync("bench-b").ConfigureAwait(false);
        b.System.Root.SpawnNamed(Props.FromProducer(() => new Responder()), "echo");
        var echo = new PID(b.System.Address, "echo");

        await RunCallers(a.System, echo, inflight, warmup, null, ct).ConfigureAwait(false);
        progress.WriteLine($"warmed up with {warmup:N0} requests; measuring {requests:N0} at {inflight} in flight");
        var histograms = Enumerable.Range(0, inflight).Select(_ => new LatencyHistogram()).ToArray();
        var started = Stopwatch.GetTimestamp();
        await RunCallers(a.System, echo, inflight, requests, histograms, ct).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var all = new LatencyHistogram();
        foreach (var h in histograms) all.Add(h);
        var perSecond = all.Count / seconds;
        progress.WriteLine($"{all.Count:N0} remote requests in {seconds:N2} s: {perSecond:N0}/s, p50 {all.PercentileMicros(50):N1} us, p99 {all.PercentileMicros(99):N1} us");
        return new ScenarioResult()
            .Add("p50_us", all.PercentileMicros(50)).Add("p99_us", all.PercentileMicros(99)).Add("p999_us", all.PercentileMicros(99.9))
            .Add("max_us", all.MaxNanos / 1000.0).Add("requests_per_sec", perSecond).Add("inflight", inflight);
    }

    private static Task RunCallers(ActorSystem system, PID echo, int inflight, int requests, LatencyHistogram[]? histograms, CancellationToken ct)
    {
        var remaining = requests;
        return Task.WhenAll(Enumerable.Range(0, inflight).Select(i => Task.Run(async () =>
        {
            var message = new StringValue { Value = "ping-" + i };
            while (Interlocked.Decrement(ref remaining) >= 0 && !ct.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                var reply = await system.Root.RequestAsync<StringValue>(echo, message, TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
                var elapsed = Stopwatch.GetTimestamp() - start;
                if (reply.Value != message.Value) throw new InvalidOperationException($"echo answered '{reply.Value}' to '{message.Value}'");
                histograms?[i].Record(elapsed * 1_000_000_000 / Stopwatch.Frequency);
            }
        }, ct)));
    }
}
