using System.Diagnostics;

namespace ActorTrading.Load.Runtime;

/// <summary>
/// Runs warm-up rounds for at least a minimum time, then pauses so tiered compilation can
/// promote the hot methods to optimized code (the runtime waits ~100 ms of quiet before it
/// counts calls, then compiles in the background). Without this a sub-second measurement is
/// mostly unoptimized code.
/// </summary>
internal static class Warmup
{
    public static async Task RunAsync(Func<Task> round, TextWriter progress, TimeSpan? minimum = null)
    {
        var watch = Stopwatch.StartNew();
        var rounds = 0;
        while (watch.Elapsed < (minimum ?? TimeSpan.FromSeconds(1)) || rounds < 2)
        {
            await round();
            rounds++;
            if (rounds % 2 == 0) await Task.Delay(150); // quiet periods let call counting and tier-1 compilation run
        }
        await Task.Delay(300);
        progress.WriteLine($"warm-up: {rounds} rounds in {watch.Elapsed.TotalMilliseconds:N0} ms");
    }
}
