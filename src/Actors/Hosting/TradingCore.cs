using RuntimeCluster = ActorTrading.Runtime.Cluster.Cluster;
using ActorTrading.Actors.Accounts;
using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Symbols;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Cluster;

namespace ActorTrading.Actors.Hosting;

/// <summary>
/// The composition entry of the trading core: the cluster kinds <c>account</c>, <c>symbol</c> and <c>gateway</c> over the
/// ports given in <see cref="TradingCoreOptions"/>. <see cref="Start"/> makes a cluster with them; <see cref="Kinds"/> gives
/// them to a host that builds its own <see cref="ClusterConfig"/> (then call <c>services.Attach(cluster)</c>).
/// </summary>
public sealed class TradingCore
{
    public const string AccountKind = "account";
    public const string SymbolKind = "symbol";
    public const string GatewayKind = "gateway";

    private TradingCore(RuntimeCluster cluster, TradingServices services)
    {
        Cluster = cluster;
        Services = services;
    }

    public RuntimeCluster Cluster { get; }
    public TradingServices Services { get; }

    public static ClusterIdentity AccountIdentity(string accountId) => new(AccountKind, accountId);

    public static ClusterIdentity SymbolIdentity(string symbol) => new(SymbolKind, symbol);

    public static ClusterIdentity GatewayIdentity(string connectionId) => new(GatewayKind, connectionId);

    public static ClusterKind[] Kinds(TradingServices services)
    {
        var supervisor = new AccountChildSupervisor(services.Options.StrategyBackoff, services.Options.StrategyMaxBackoff);
        var account = new ClusterKind(AccountKind, services.HotPath(Props.FromProducer(() => new AccountActor(services)))
            .WithChildSupervisorStrategy(supervisor));
        if (services.Options.AccountIdleTimeout is { } idle) account = account.WithIdleTimeout(idle);
        return
        [
            account,
            new ClusterKind(SymbolKind, services.HotPath(Props.FromProducer(() => new SymbolActor(services)))),
            new ClusterKind(GatewayKind, services.HotPath(Props.FromProducer(() => new GatewayActor(services)))),
        ];
    }

    /// <summary>Registers the kinds on a new cluster of <paramref name="system"/> (member <paramref name="memberId"/>) and starts it.</summary>
    public static async Task<TradingCore> StartAsync(ActorSystem system, TradingCoreOptions options, string memberId = "node-1", CancellationToken ct = default)
    {
        var core = Create(system, options, memberId);
        await core.Cluster.StartAsync(ct).ConfigureAwait(false);
        return core;
    }

    /// <summary>Like <see cref="StartAsync"/> without joining membership (single node, deterministic tests and replay).</summary>
    public static TradingCore Create(ActorSystem system, TradingCoreOptions options, string memberId = "node-1")
    {
        var services = new TradingServices(options, options.TimeProvider ?? system.TimeProvider);
        var cluster = new RuntimeCluster(system, new ClusterConfig(memberId, Kinds(services)));
        services.Attach(cluster);
        return new TradingCore(cluster, services);
    }
}
