using RuntimeCluster = ActorTrading.Runtime.Cluster.Cluster;
using ActorTrading.Runtime.Cluster;

namespace ActorTrading.Host.Composition;

/// <summary>
/// The trading actors as the node hosts them: the cluster kinds (<c>account</c>, <c>symbol</c>, ...) and the feed
/// that drives the symbols. The API layer only talks to them through the cluster protocol (API.md, account_protocol.proto).
/// </summary>
public interface ITradingCore
{
    /// <summary>The kinds the cluster hosts; called once, before the cluster starts.</summary>
    IReadOnlyList<ClusterKind> CreateKinds(TradingCoreContext context);

    /// <summary>Starts the feed and whatever else runs beside the actors.</summary>
    Task StartAsync(RuntimeCluster cluster, CancellationToken cancellationToken);

    /// <summary>Stops the feed; the cluster passivates the actors afterwards.</summary>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>Null when market data flows; otherwise why not (readiness).</summary>
    string? FeedProblem { get; }
}
