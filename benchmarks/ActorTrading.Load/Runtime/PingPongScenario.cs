using System.Diagnostics;
using ActorTrading.Runtime;

namespace ActorTrading.Load.Runtime;

/// <summary>
/// Pairs of actors bouncing preallocated messages: <c>--messages</c> round trips per pair with
/// <c>--inflight</c> messages in flight per pair. msgs_per_sec counts both directions (as
/// Proto.Actor's in-process benchmark does); bytes_per_msg is the allocation per message.
/// </summary>
public sealed class PingPongScenario : IScenario
{
    public string Name => "pingpong";
    public string Usage => "--pairs 4 --messages 1000000 --inflight 100 [--throughput 300] [--local]";

    public async Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct)
    {
        var pairs = args.Int("pairs", 4);
        var roundTrips = args.Long("messages", 1_000_000);
        var inflight = args.Int("inflight", 100);
        var throughput = args.Int("throughput", 300);
        var local = args.Flag("local");
        var dispatcher = new ActorTrading.Runtime.Dispatch.ThreadPoolDispatcher(throughput, local);
        await using var system = new ActorSystem(new ActorSystemConfig { DefaultDispatcher = dispatcher });

        await Warmup.RunAsync(() => RunOnce(system, pairs, Math.Max(1, roundTrips / 10), inflight), progress);
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var cpu = CpuClock.Start();
        var watch = Stopwatch.StartNew();
        await RunOnce(system, pairs, roundTrips, inflight);
        watch.Stop();
        var cpuTime = cpu.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        var messages = 2.0 * pairs * roundTrips;
        var rate = messages / watch.Elapsed.TotalSeconds;
        var cpuShare = cpuTime.TotalSeconds / watch.Elapsed.TotalSeconds;
        var perCpuSecond = messages / cpuTime.TotalSeconds;
        progress.WriteLine($"{messages:N0} messages in {watch.Elapsed.TotalMilliseconds:N0} ms: {rate:N0} msg/s, {allocated / messages:N3} B/msg; " +
            $"CPU {cpuTime.TotalMilliseconds:N0} ms ({cpuShare:N2} of {Environment.ProcessorCount} cores), {perCpuSecond:N0} msg per CPU-second");
        return new ScenarioResult().Add("msgs_per_sec", rate).Add("bytes_per_msg", allocated / messages)
            .Add("elapsed_ms", watch.Elapsed.TotalMilliseconds).Add("cores_used", cpuShare)
            .Add("msgs_per_cpu_sec", perCpuSecond).Add("ns_cpu_per_msg", 1e9 / perCpuSecond);
    }

    private static async Task RunOnce(ActorSystem system, int pairs, long roundTrips, int inflight)
    {
        var done = new List<Task>();
        var pingers = new List<PID>();
        for (var i = 0; i < pairs; i++)
        {
            var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var echo = system.Root.Spawn(Props.FromProducer(() => new Echo()));
            pingers.Add(system.Root.Spawn(Props.FromProducer(() => new Pinger(echo, roundTrips, inflight, finished))));
            done.Add(finished.Task);
        }
        foreach (var pinger in pingers) system.Root.Send(pinger, Go.Instance);
        await Task.WhenAll(done);
    }
}
