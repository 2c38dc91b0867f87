using ActorTrading.Host.Composition;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Cluster;
using RuntimeCluster = ActorTrading.Runtime.Cluster.Cluster;

namespace ActorTrading.Host.Tests.Support;

/// <summary>
/// A trading core that speaks the cluster protocol with scripted actors (<see cref="ScriptedAccountActor"/>,
/// <see cref="ScriptedSymbolActor"/>): lets the API layer be tested before and apart from the real trading actors.
/// </summary>
public sealed class ScriptedTradingCore : ITradingCore
{
    public string? FeedProblem { get; set; }

    public IReadOnlyList<ClusterKind> CreateKinds(TradingCoreContext context) =>
    [
        new ClusterKind("account", Props.FromProducer(() => new ScriptedAccountActor(context.Storage, context.Options.NodeId))),
        new ClusterKind("symbol", Props.FromProducer(() => new ScriptedSymbolActor())),
    ];

    public Task StartAsync(RuntimeCluster cluster, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
