namespace ActorTrading.Load.Grpc;

/// <summary>
/// Process counters read before and after a measured run: Gen0 collections (a GC during a serial run is a tail
/// event), thread-pool work items and voluntary context switches (threads going to sleep and being woken: the hops per call), lock contentions, methods JIT-compiled during the run (tier-up still going on: each compile takes a core
/// from the client or server for a while). Context switches are
/// the sum over the process's threads from /proc (Linux; -1 elsewhere).
/// </summary>
internal readonly record struct RunCounters(int Gen0Collections, long ThreadPoolItems, long ContextSwitches, long LockContentions, long JittedMethods, TimeSpan JitTime)
{
    public static RunCounters Take() =>
        new(GC.CollectionCount(0), ThreadPool.CompletedWorkItemCount, ContextSwitchesOfProcess(), Monitor.LockContentionCount,
            System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());

    public static RunCounters operator -(RunCounters a, RunCounters b) =>
        new(a.Gen0Collections - b.Gen0Collections, a.ThreadPoolItems - b.ThreadPoolItems,
            a.ContextSwitches < 0 || b.ContextSwitches < 0 ? -1 : a.ContextSwitches - b.ContextSwitches, a.LockContentions - b.LockContentions,
            a.JittedMethods - b.JittedMethods, a.JitTime - b.JitTime);

    /// <summary>Voluntary context switches (a thread blocked: waiting for work or I/O) of every thread of this process (threads that exited are not counted).</summary>
    private static long ContextSwitchesOfProcess()
    {
        const string tasks = "/proc/self/task";
        if (!Directory.Exists(tasks))
        {
            return -1;
        }

        long total = 0;
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                {
                    if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal))
                    {
                        total += long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
            }
            catch (IOException)
            {
                // The thread exited between listing and reading.
            }
        }

        return total;
    }
}
