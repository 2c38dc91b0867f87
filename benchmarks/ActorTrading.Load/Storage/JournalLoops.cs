using System.Diagnostics;
using ActorTrading.Actors.Ports;
using ActorTrading.Events.V1;

namespace ActorTrading.Load.Storage;

/// <summary>The two ways the journal scenario drives appends: a closed loop (throughput) and an open loop (latency at a rate).</summary>
internal static class JournalLoops
{
    /// <summary>Every account keeps one append outstanding and appends again once it is durable; latency from call to durable.</summary>
    public static async Task ClosedAsync(IAccountJournal journal, string[] ids, long[] nextSeq, AccountEvent payload, int events, LatencyHistogram histogram)
    {
        int remaining = events;
        var gate = new Lock();
        async Task Account(int i)
        {
            var mine = new LatencyHistogram();
            IReadOnlyList<AccountEvent> batch = [payload];
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                long start = Stopwatch.GetTimestamp();
                await journal.AppendAsync(ids[i], nextSeq[i]++, batch).ConfigureAwait(false);
                mine.Record(Nanos(start));
            }
            lock (gate) histogram.Add(mine);
        }
        await Task.WhenAll(Enumerable.Range(0, ids.Length).Select(i => Task.Run(() => Account(i))));
    }

    /// <summary>
    /// Appends issued at <paramref name="rate"/> events/s over the accounts in turn, whatever the latency (what an actor
    /// system under that load sees). Latency runs from the moment each append was DUE (i / rate after the start), not from
    /// when the pacing loop got round to it, so a stalled client (GC pause, a late timer) counts against the result
    /// instead of being hidden (no coordinated omission). The pacing loop wakes about every millisecond.
    /// </summary>
    public static async Task OpenAsync(IAccountJournal journal, string[] ids, long[] nextSeq, AccountEvent payload, int events, int rate,
        LatencyHistogram histogram, CancellationToken ct)
    {
        var gate = new Lock();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int outstanding = events;   // no list of tasks: the harness must not grow the heap it measures
        Exception? failure = null;
        IReadOnlyList<AccountEvent> batch = [payload];
        long t0 = Stopwatch.GetTimestamp();
        double ticksPerEvent = (double)Stopwatch.Frequency / rate;
        int issued = 0, account = 0;
        while (issued < events)
        {
            long due = Math.Min(events, (long)((Stopwatch.GetTimestamp() - t0) / ticksPerEvent) + 1);
            for (; issued < due; issued++, account = (account + 1) % ids.Length)
            {
                long dueAt = t0 + (long)(issued * ticksPerEvent);
                _ = Complete(journal.AppendAsync(ids[account], nextSeq[account]++, batch), dueAt);
            }
            await Task.Delay(1, ct);
        }
        await done.Task;
        if (failure is not null) throw failure;

        async Task Complete(Task append, long dueAt)
        {
            try { await append.ConfigureAwait(false); }
            catch (Exception ex) { failure ??= ex; }
            long nanos = Nanos(dueAt);
            lock (gate) histogram.Record(nanos);
            if (Interlocked.Decrement(ref outstanding) == 0) done.TrySetResult();
        }
    }

    private static long Nanos(long since) => (long)((Stopwatch.GetTimestamp() - since) * (1e9 / Stopwatch.Frequency));
}
