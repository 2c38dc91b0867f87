using System.Diagnostics;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Actors.Simulation;
using ActorTrading.Api.V1;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Dispatch;

namespace ActorTrading.Load.Actors;

/// <summary>
/// Tick to order: a tick enters its symbol actor, a strategy signals on it, risk checks, the account journals (in memory)
/// and the gateway hands the order to the broker adapter, which stamps its arrival. Paced ticks; p50/p99/p99.9 in µs.
/// The hot-path actors run on one LatencyDispatcher.
/// </summary>
public sealed class TickToOrderScenario : IScenario
{
    public string Name => "tick-to-order";
    public string Usage => "--accounts 1 --ticks 100000 --paced-us 100 [--threadpool]";

    public async Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct)
    {
        var ticks = args.Int("ticks", 100_000);
        var paced = args.Int("paced-us", 100);
        var accounts = args.Int("accounts", 1);
        var useLatency = !args.Flag("threadpool");
        using var latency = new LatencyDispatcher("hot-path", TimeSpan.FromMilliseconds(5));
        var broker = new RecordingBroker(ticks * accounts + 1000);
        await using var system = new ActorSystem();
        var limits = RiskSettings.Default with
        {
            MaxOrdersPerDay = int.MaxValue, MaxTradesPerDay = int.MaxValue, OrdersPerSecond = 1_000_000, OrderBurst = 1_000_000,
            EnforceMarketHours = false, MaxPositionPercent = 100m, MaxOpenPositions = 100, PriceBandPercent = 90m,
        };
        var core = await TradingCore.StartAsync(system, new TradingCoreOptions
        {
            BrokerFactory = _ => broker, Strategies = TickEchoStrategy.Catalog, DefaultLimits = limits,
            GatewayOrdersPerSecond = 50_000, GatewayOrdersPerMinute = 3_000_000, GatewayQueueCapacity = 100_000,
            HotPathDispatcher = useLatency ? latency : null, SnapshotPolicy = new ActorTrading.Actors.Ports.SnapshotPolicy(0),
        }, ct: ct);
        var symbol = new SymbolId("NSE:TCS");
        for (var a = 0; a < accounts; a++)
        {
            var id = "bench-" + a;
            await core.Cluster.RequestAsync<object>(TradingCore.AccountIdentity(id), new CreateAccountRequest
            {
                AccountId = id, InitialCash = ProtoDecimal.ToProto(100_000_000m), Limits = limits.ToProto(),
            }, TimeSpan.FromSeconds(10), ct);
            var start = new StartStrategyRequest { AccountId = id, Type = TickEchoStrategy.Name, InstanceName = "load" };
            start.Symbols.Add(symbol.Value);
            await core.Cluster.RequestAsync<object>(TradingCore.AccountIdentity(id), start, TimeSpan.FromSeconds(10), ct);
        }
        var identity = TradingCore.SymbolIdentity(symbol.Value);
        var warm = Math.Min(5_000, ticks / 10);
        var sent = new long[ticks + warm];
        var pace = Stopwatch.Frequency * paced / 1_000_000;
        var next = Stopwatch.GetTimestamp();
        for (var i = 0; i < ticks + warm; i++)
        {
            while (Stopwatch.GetTimestamp() < next) Thread.SpinWait(10);
            next += pace;
            var price = TickEchoStrategy.PriceOf(i + 1);
            var tick = new MarketTick(symbol, price - 0.05m, price + 0.05m, price, 1000, DateTimeOffset.UtcNow, i + 1);
            sent[i] = Stopwatch.GetTimestamp();
            core.Cluster.Send(identity, tick);
        }
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
        var seen = -1; while (broker.Count != seen && Stopwatch.GetTimestamp() < deadline) { seen = broker.Count; await Task.Delay(200, ct); }
        var histogram = new LatencyHistogram();
        var received = Math.Min(broker.Count, broker.Arrivals.Length);
        for (var n = 0; n < received; n++)
        {
            var tickIndex = broker.Ticks[n] - 1;
            if (tickIndex < warm || tickIndex >= sent.Length) continue;
            histogram.Record((long)((broker.Arrivals[n] - sent[tickIndex]) * (1e9 / Stopwatch.Frequency)));
        }
        progress.WriteLine($"{histogram.Count:N0} orders from {ticks:N0} ticks: p50 {histogram.PercentileMicros(50):N1} µs, p99 {histogram.PercentileMicros(99):N1} µs, p99.9 {histogram.PercentileMicros(99.9):N1} µs");
        return new ScenarioResult().Add("orders", histogram.Count).Add("p50_us", histogram.PercentileMicros(50))
            .Add("p99_us", histogram.PercentileMicros(99)).Add("p999_us", histogram.PercentileMicros(99.9)).Add("max_us", histogram.MaxNanos / 1000.0);
    }
}
