using ProtoDecimal = ActorTrading.Actors.Model.ProtoDecimal;
using System.Diagnostics;
using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;
using ActorTrading.Events.V1;

namespace ActorTrading.Load.Storage;

/// <summary>
/// Activation cost of one account with a long history: load its latest snapshot and replay the
/// events after it (snapshots every --snapshot-every events, as the account actor takes them).
/// Also reports a full replay without snapshots, for comparison.
/// </summary>
public sealed class RecoveryScenario : IScenario
{
    public string Name => "recovery";

    public string Usage => "--events 100000 --snapshot-every 1000 --tail 500 (events after the last snapshot) --runs 5";

    public async Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct)
    {
        int events = args.Int("events", 100_000), every = args.Int("snapshot-every", 1000), tail = args.Int("tail", every / 2), runs = args.Int("runs", 5);
        var policy = new SnapshotPolicy(every);
        var storage = await BenchSchema.OpenAsync("load_recovery", 4096);
        try
        {
            const string account = "acct-recovery";
            var sample = JournalScenario.Sample();
            long seq = 0;
            int total = events;
            while (seq < total)
            {
                int n = (int)Math.Min(500, total - seq);
                if (seq < total - tail && seq + n > total - tail) n = (int)(total - tail - seq);   // end a chunk where the last snapshot goes
                await storage.Journal.AppendAsync(account, seq + 1, Enumerable.Repeat(sample, n).ToArray(), ct);
                long before = seq;
                seq += n;
                if (seq <= total - tail && policy.ShouldSnapshot(before, seq) || seq == total - tail)
                    await storage.Snapshots.SaveAsync(Snapshot(account, seq), ct);
            }
            progress.WriteLine($"recovery: {events} events written, snapshot every {every}, {tail} after the last one");

            var withSnapshot = new List<double>();
            var fullReplay = new List<double>();
            int replayed = 0;
            for (int r = 0; r < runs; r++)
            {
                var sw = Stopwatch.StartNew();
                var recovered = await AccountRecovery.LoadAsync(storage.Journal, storage.Snapshots, account, ct);
                withSnapshot.Add(sw.Elapsed.TotalMilliseconds);
                replayed = recovered.Events.Count;
                if (recovered.LastSeq != events) throw new InvalidOperationException($"recovered to seq {recovered.LastSeq}, expected {events}");

                sw.Restart();
                int count = 0;
                await foreach (var _ in storage.Journal.LoadAsync(account, 0, ct)) count++;
                fullReplay.Add(sw.Elapsed.TotalMilliseconds);
                progress.WriteLine($"recovery: run {r + 1}: snapshot+replay {withSnapshot[^1]:F1} ms ({replayed} events), full replay {fullReplay[^1]:F1} ms ({count} events)");
            }
            return new ScenarioResult()
                .Add("recovery_ms", Median(withSnapshot))
                .Add("replayed_events", replayed)
                .Add("full_replay_ms", Median(fullReplay))
                .Add("full_replay_events_per_sec", Math.Round(events / (Median(fullReplay) / 1000)));
        }
        finally
        {
            if (!args.Flag("keep")) await BenchSchema.DropAsync(storage);
        }
    }

    private static double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);

    private static AccountSnapshot Snapshot(string account, long seq)
    {
        var s = new AccountSnapshot
        {
            AccountId = account, LastSeq = seq, DisplayName = "load", Cash = ProtoDecimal.ToProtoRounded(1_000_000m), State = TradingState.Active,
            Limits = new RiskLimits { MaxOpenPositions = 3, MaxTradesPerDay = 5 },
            Day = new DayCounters { TradingDay = "2026-11-20", OrdersPlaced = 40, TradesDone = 5 },
        };
        for (int i = 0; i < 20; i++)
            s.Positions.Add(new SnapshotPosition { Symbol = $"NSE:S{i}", Product = Product.Mis, Quantity = ProtoDecimal.ToProtoRounded(i), AveragePrice = ProtoDecimal.ToProtoRounded(100 + i) });
        return s;
    }
}
