using ProtoDecimal = ActorTrading.Actors.Model.ProtoDecimal;
using ActorTrading.Actors.Ports;
using ActorTrading.Storage.Postgres;
using ActorTrading.Events.V1;
using ActorTrading.Api.V1;

namespace ActorTrading.Load.Storage;

/// <summary>
/// Durable appends through the group-committing PostgreSQL journal from many accounts at once, in two phases:
/// THROUGHPUT, a closed loop (every account appends again as soon as its last append is durable; its latency is
/// accounts / throughput by Little's law, reported as closed_*), then LATENCY, an open loop at a fixed offered rate
/// (--latency-rate, default 50,000 events/s: the target pairs "≥ 50,000 events/s" with "p99 ≤ 5 ms", so the
/// latency is measured at that load), reported as p50_ms / p99_ms. With --rate N only the open loop runs, at N.
/// </summary>
public sealed class JournalScenario : IScenario
{
    public string Name => "journal";

    public string Usage => "--accounts 1000 --events 200000 --batch auto|N --latency-rate 50000 (open-loop phase after the closed loop; 0 = none) "
        + "--latency-events N (default --events) --rate 0 (N>0: only an open loop at N events/s) --warmup 20000 --event fill|cash --inflight 4 (lanes; default the journal's) "
        + "--store postgres|memory (memory: the same harness on the in-memory journal, a control). "
        + "events_per_sec = closed-loop throughput; closed_p50_ms/closed_p99_ms = its latency (≈ accounts / throughput); "
        + "p50_ms/p99_ms = latency from due time to durable in the open loop at latency_rate";

    public async Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct)
    {
        int accounts = args.Int("accounts", 1000), events = args.Int("events", 200_000), warmup = args.Int("warmup", 20_000), rate = args.Int("rate", 0);
        int latencyRate = rate > 0 ? 0 : args.Int("latency-rate", 50_000), latencyEvents = args.Int("latency-events", events);
        var batchArg = args.Str("batch", "auto");
        int maxBatch = batchArg == "auto" ? new PostgresStorageOptions("auto").MaxBatchEvents : int.Parse(batchArg, System.Globalization.CultureInfo.InvariantCulture);
        bool memory = args.Str("store", "postgres") == "memory";
        JournalPhase? phase = null;
        var storage = memory ? null : await BenchSchema.OpenAsync("load_journal", maxBatch, args.Int("inflight", new PostgresStorageOptions("auto").MaxInFlightBatches), c => phase?.OnCommit(c));
        IAccountJournal journal = storage is null ? new ActorTrading.Actors.InMemory.InMemoryAccountJournal() : storage.Journal;
        try
        {
            var ids = Enumerable.Range(0, accounts).Select(i => $"acct-{i:D6}").ToArray();
            var nextSeq = new long[accounts];
            Array.Fill(nextSeq, 1);
            var payload = args.Str("event", "fill") == "cash" ? CashSample() : Sample();
            progress.WriteLine($"journal: warmup {warmup} events over {accounts} accounts (max {maxBatch} events per commit)");
            await JournalLoops.ClosedAsync(journal, ids, nextSeq, payload, warmup, new LatencyHistogram());
            var result = new ScenarioResult();

            if (rate > 0)
            {
                phase = await RunPhaseAsync(() => JournalLoops.OpenAsync(journal, ids, nextSeq, payload, events, rate, phase!.Latency, ct));
                Report(progress, $"open loop at {rate}/s", events, phase);
                result.Add("events_per_sec", Math.Round(events / phase.Seconds));
                phase.AddTo(result, "", events);
                return result;
            }

            phase = await RunPhaseAsync(() => JournalLoops.ClosedAsync(journal, ids, nextSeq, payload, events, phase!.Latency));
            Report(progress, "closed loop (throughput)", events, phase);
            result.Add("events_per_sec", Math.Round(events / phase.Seconds));
            var closed = phase;
            if (latencyRate > 0)
            {
                phase = await RunPhaseAsync(() => JournalLoops.OpenAsync(journal, ids, nextSeq, payload, latencyEvents, latencyRate, phase!.Latency, ct));
                Report(progress, $"open loop at {latencyRate}/s (latency)", latencyEvents, phase);
                result.Add("latency_rate", latencyRate).Add("latency_events_per_sec", Math.Round(latencyEvents / phase.Seconds));
                phase.AddTo(result, "", latencyEvents);
            }
            closed.AddTo(result, "closed_", events);
            return result;
        }
        finally
        {
            if (storage is not null && !args.Flag("keep")) await BenchSchema.DropAsync(storage);
        }

        async Task<JournalPhase> RunPhaseAsync(Func<Task> run)
        {
            phase = new JournalPhase();
            phase.Start();
            await run();
            phase.Stop();
            return phase;
        }
    }

    private static void Report(TextWriter progress, string what, int events, JournalPhase p) =>
        progress.WriteLine($"journal: {what}: {events} durable events in {p.Seconds * 1000:F0} ms = {events / p.Seconds:F0}/s, "
            + $"p50 {p.Latency.PercentileMicros(50) / 1000:F2} ms, p99 {p.Latency.PercentileMicros(99) / 1000:F2} ms");

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
