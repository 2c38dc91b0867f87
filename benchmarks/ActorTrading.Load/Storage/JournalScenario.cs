using ProtoDecimal = ActorTrading.Actors.Model.ProtoDecimal;
using System.Diagnostics;
using ActorTrading.Actors.Ports;
using ActorTrading.Events.V1;
using ActorTrading.Api.V1;

namespace ActorTrading.Load.Storage;

/// <summary>
/// Durable appends through the group-committing PostgreSQL journal from many accounts at once.
/// Closed loop (--rate 0): every account appends again as soon as its last append is durable.
/// Open loop (--rate N): appends are issued at N events/s whatever the latency, which is what an
/// actor system under a given load sees; latency is measured from issue to durable.
/// </summary>
public sealed class JournalScenario : IScenario
{
    public string Name => "journal";

    public string Usage => "--accounts 1000 --events 200000 --batch auto|N --rate 0 (events/s, 0 = closed loop) --warmup 20000 --event fill|cash --inflight 2 --store postgres|memory (memory: the same harness on the in-memory journal, a control)";

    public async Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct)
    {
        int accounts = args.Int("accounts", 1000), events = args.Int("events", 200_000), warmup = args.Int("warmup", 20_000), rate = args.Int("rate", 0);
        var batchArg = args.Str("batch", "auto");
        int maxBatch = batchArg == "auto" ? 4096 : int.Parse(batchArg, System.Globalization.CultureInfo.InvariantCulture);
        bool memory = args.Str("store", "postgres") == "memory";
        int inflight = args.Int("inflight", 2);
        var storage = memory ? null : await BenchSchema.OpenAsync("load_journal", maxBatch, inflight);
        IAccountJournal journal = storage is null ? new ActorTrading.Actors.InMemory.InMemoryAccountJournal() : storage.Journal;
        try
        {
            var ids = Enumerable.Range(0, accounts).Select(i => $"acct-{i:D6}").ToArray();
            var nextSeq = new long[accounts];
            Array.Fill(nextSeq, 1);
            var payload = args.Str("event", "fill") == "cash" ? CashSample() : Sample();
            progress.WriteLine($"journal: warmup {warmup} events over {accounts} accounts");
            await ClosedLoopAsync(journal, ids, nextSeq, payload, warmup, new LatencyHistogram());

            var histogram = new LatencyHistogram();
            long batchesBefore = storage?.Journal.BatchesWritten ?? 0;
            var sw = Stopwatch.StartNew();
            if (rate > 0) await OpenLoopAsync(journal, ids, nextSeq, payload, events, rate, histogram, ct);
            else await ClosedLoopAsync(journal, ids, nextSeq, payload, events, histogram);
            sw.Stop();
            long batches = (storage?.Journal.BatchesWritten ?? 0) - batchesBefore;
            double perSec = events / sw.Elapsed.TotalSeconds;
            progress.WriteLine($"journal: {events} durable events in {sw.Elapsed.TotalMilliseconds:F0} ms = {perSec:F0}/s, {batches} group commits");
            return new ScenarioResult()
                .Add("events_per_sec", Math.Round(perSec))
                .Add("p50_ms", histogram.PercentileMicros(50) / 1000)
                .Add("p99_ms", histogram.PercentileMicros(99) / 1000)
                .Add("p999_ms", histogram.PercentileMicros(99.9) / 1000)
                .Add("max_ms", histogram.MaxNanos / 1e6)
                .Add("group_commits", batches)
                .Add("events_per_commit", batches == 0 ? 0 : Math.Round((double)events / batches, 1));
        }
        finally
        {
            if (storage is not null && !args.Flag("keep")) await BenchSchema.DropAsync(storage);
        }
    }

    private static async Task ClosedLoopAsync(IAccountJournal journal, string[] ids, long[] nextSeq, AccountEvent payload, int events, LatencyHistogram histogram)
    {
        int remaining = events;
        var gate = new Lock();
        async Task Account(int i)
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                long start = Stopwatch.GetTimestamp();
                await journal.AppendAsync(ids[i], nextSeq[i]++, [payload]).ConfigureAwait(false);
                long nanos = (long)(Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1e6);
                lock (gate) histogram.Record(nanos);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, ids.Length).Select(i => Task.Run(() => Account(i))));
    }

    private static async Task OpenLoopAsync(IAccountJournal journal, string[] ids, long[] nextSeq, AccountEvent payload, int events, int rate,
        LatencyHistogram histogram, CancellationToken ct)
    {
        var gate = new Lock();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int outstanding = events;   // no list of tasks: the harness must not grow the heap it measures
        Exception? failure = null;
        var sw = Stopwatch.StartNew();
        int issued = 0, account = 0;
        while (issued < events)
        {
            long due = Math.Min(events, (long)(sw.Elapsed.TotalSeconds * rate) + 1);
            for (; issued < due; issued++, account = (account + 1) % ids.Length)
            {
                long start = Stopwatch.GetTimestamp();
                var append = journal.AppendAsync(ids[account], nextSeq[account]++, [payload]);
                _ = Complete(append, start);
            }
            await Task.Delay(1, ct);
        }
        await done.Task;
        if (failure is not null) throw failure;

        async Task Complete(Task append, long start)
        {
            try { await append.ConfigureAwait(false); }
            catch (Exception ex) { failure ??= ex; }
            long nanos = (long)(Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1e6);
            lock (gate) histogram.Record(nanos);
            if (Interlocked.Decrement(ref outstanding) == 0) done.TrySetResult();
        }
    }

    /// <summary>An event that touches only the accounts read model.</summary>
    internal static AccountEvent CashSample() => new()
    {
        At = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow),
        CashAdjusted = new CashAdjusted { Amount = ProtoDecimal.ToProtoRounded(1m), CashAfter = ProtoDecimal.ToProtoRounded(1_000_001m), Reason = "load" },
    };

    /// <summary>A typical journaled event: a fill with the account's state after it (~150 bytes).</summary>
    internal static AccountEvent Sample() => new()
    {
        At = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow),
        OrderFilled = new OrderFilled
        {
            OrderId = "o-000000001", TradeId = "t-000000001", Symbol = "NSE:RELIANCE", Side = Side.Buy, Product = Product.Mis,
            Quantity = ProtoDecimal.ToProtoRounded(10), Price = ProtoDecimal.ToProtoRounded(2501.35m), Fees = ProtoDecimal.ToProtoRounded(3.2m),
            FilledQuantityAfter = ProtoDecimal.ToProtoRounded(10), AverageFillPriceAfter = ProtoDecimal.ToProtoRounded(2501.35m),
            PositionQuantityAfter = ProtoDecimal.ToProtoRounded(10), PositionAveragePriceAfter = ProtoDecimal.ToProtoRounded(2501.35m),
            PositionRealizedPnlAfter = ProtoDecimal.ToProtoRounded(0), CashAfter = ProtoDecimal.ToProtoRounded(74_986.5m), OrderComplete = true,
        },
    };
}
