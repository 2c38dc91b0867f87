using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Simulation;
using ActorTrading.Api.V1;
using ActorTrading.Runtime;

namespace ActorTrading.Load.Actors;

/// <summary>
/// <c>--count</c> idle accounts, each with its risk, position and one strategy child (the every-tick strategy on one
/// symbol, never ticked). Reports the managed heap per account after a full GC (journal included: in memory).
/// </summary>
public sealed class IdleAccountsScenario : IScenario
{
    public string Name => "accounts";
    public string Usage => "--count 100000";

    public async Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct)
    {
        var count = args.Int("count", 100_000);
        await using var system = new ActorSystem();
        var core = await TradingCore.StartAsync(system, new TradingCoreOptions
        {
            BrokerFactory = _ => throw new InvalidOperationException(), Strategies = EveryTickStrategy.Catalog,
        }, ct: ct);
        var before = Heap();
        var pending = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            var id = "idle-" + i;
            var identity = TradingCore.AccountIdentity(id);
            pending.Add(Setup(core, identity, id, ct));
            if (pending.Count >= 500) { await Task.WhenAll(pending); pending.Clear(); }
        }
        await Task.WhenAll(pending);
        var after = Heap();
        var perAccount = (after - before) / (double)count;
        progress.WriteLine($"{count:N0} idle accounts (risk, position, 1 strategy each): {(after - before) / 1048576.0:N1} MiB = {perAccount:N0} B per account; {core.Cluster.ActivationCount:N0} activations");
        GC.KeepAlive(core);
        return new ScenarioResult().Add("bytes_per_account", perAccount).Add("accounts", count);
    }

    private static async Task Setup(TradingCore core, ActorTrading.Runtime.Cluster.ClusterIdentity identity, string id, CancellationToken ct)
    {
        await core.Cluster.RequestAsync<object>(identity, new CreateAccountRequest { AccountId = id, InitialCash = ProtoDecimal.ToProto(100_000m) }, TimeSpan.FromSeconds(60), ct);
        var start = new StartStrategyRequest { AccountId = id, Type = EveryTickStrategy.Name, InstanceName = "s" };
        start.Symbols.Add("NSE:TCS");
        await core.Cluster.RequestAsync<object>(identity, start, TimeSpan.FromSeconds(60), ct);
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, true, true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, true, true);
        return GC.GetTotalMemory(true);
    }
}
