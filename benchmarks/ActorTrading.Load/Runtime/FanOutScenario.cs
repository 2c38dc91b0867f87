using ActorTrading.Runtime;

namespace ActorTrading.Load.Runtime;

/// <summary>
/// A coordinator broadcasts one shared message to <c>--children</c> children, each acks to it;
/// a round ends with the last ack. Reports the mean and median time per round (after warm-up rounds).
/// </summary>
public sealed class FanOutScenario : IScenario
{
    public string Name => "fanout";
    public string Usage => "--children 10000 --rounds 200 [--local]";

    public async Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct)
    {
        var children = args.Int("children", 10_000);
        var rounds = args.Int("rounds", 200);
        var warmup = Math.Max(100, rounds / 2);
        var dispatcher = new ActorTrading.Runtime.Dispatch.ThreadPoolDispatcher(preferLocal: args.Flag("local"));
        await using var system = new ActorSystem(new ActorSystemConfig { DefaultDispatcher = dispatcher });
        var done = new TaskCompletionSource<double[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var coordinator = system.Root.Spawn(Props.FromProducer(() => new Coordinator(children, warmup + rounds, done)));
        var allocated = GC.GetTotalAllocatedBytes(true);
        var cpu = CpuClock.Start();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        system.Root.Send(coordinator, "go");
        var all = await done.Task.WaitAsync(ct);
        var cpuShare = cpu.Elapsed.TotalSeconds / wall.Elapsed.TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(true) - allocated;
        var measured = all.Skip(warmup).ToArray();
        var mean = measured.Average();
        var sorted = measured.Order().ToArray();
        progress.WriteLine($"{rounds} rounds to {children:N0} children: mean {mean:N3} ms, median {sorted[sorted.Length / 2]:N3} ms, max {sorted[^1]:N3} ms; {cpuShare:N2} cores used");
        return new ScenarioResult().Add("ms_per_round", mean).Add("cores_used", cpuShare).Add("median_ms", sorted[sorted.Length / 2])
            .Add("p99_ms", sorted[(int)(sorted.Length * 0.99)]).Add("bytes_per_round_incl_spawn", allocated / (double)(warmup + rounds));
    }
}
