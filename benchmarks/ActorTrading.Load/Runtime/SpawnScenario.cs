using System.Diagnostics;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Load.Runtime;

/// <summary>
/// A parent spawns <c>--children</c> children; the time runs from the parent's first spawn until
/// every child has processed <c>Started</c>. Repeated <c>--rounds</c> times (children stopped in
/// between); the median is reported.
/// </summary>
public sealed class SpawnScenario : IScenario
{
    public string Name => "spawn";
    public string Usage => "--children 10000 [--rounds 7]";

    public async Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct)
    {
        var children = args.Int("children", 10_000);
        var rounds = args.Int("rounds", 7);
        await using var system = new ActorSystem();
        var times = new List<double>();
        var cpuTimes = new List<double>();
        for (var round = -5; round < rounds; round++) // five warm-up rounds
        {
            if (round == 0) await Task.Delay(300, ct); // let tiered compilation promote the hot methods
            var started = 0;
            var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var childProps = Props.FromFunc(c =>
            {
                if (c.Message is Started && Interlocked.Increment(ref started) == children) allStarted.TrySetResult();
                return Task.CompletedTask;
            });
            var watch = new Stopwatch();
            var cpu = default(CpuClock);
            var parent = system.Root.Spawn(Props.FromFunc(c =>
            {
                if (c.Message is "go")
                {
                    watch.Start();
                    cpu = CpuClock.Start();
                    for (var i = 0; i < children; i++) c.Spawn(childProps);
                }
                return Task.CompletedTask;
            }));
            system.Root.Send(parent, "go");
            await allStarted.Task.WaitAsync(ct);
            watch.Stop();
            var cpuMs = cpu.Elapsed.TotalMilliseconds;
            await system.Root.StopAsync(parent);
            if (round < 0) continue;
            times.Add(watch.Elapsed.TotalMilliseconds);
            cpuTimes.Add(cpuMs);
            progress.WriteLine($"round {round}: {children:N0} children spawned and started in {watch.Elapsed.TotalMilliseconds:N2} ms (CPU {cpuMs:N1} ms)");
        }
        times.Sort();
        cpuTimes.Sort();
        return new ScenarioResult().Add("ms", times[times.Count / 2]).Add("min_ms", times[0]).Add("max_ms", times[^1])
            .Add("cpu_ms", cpuTimes[cpuTimes.Count / 2]);
    }
}
