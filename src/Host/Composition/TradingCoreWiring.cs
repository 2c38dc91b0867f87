using RuntimeCluster = ActorTrading.Runtime.Cluster.Cluster;
using ActorTrading.Runtime.Cluster;

namespace ActorTrading.Host.Composition;

/// <summary>
/// The one place where the node takes the trading actors from src/Actors. The composition entry of the actors
/// (<c>TradingCore.Register(...)</c>: account and symbol kinds, feed, gateway, paper broker) has not landed in this
/// build yet, so <see cref="Create"/> returns a core without kinds: every trading call then answers UNAVAILABLE naming
/// the missing piece and /health/ready stays not ready. Replace the body of <see cref="Create"/> when it lands.
/// </summary>
public static class TradingCoreWiring
{
    public static ITradingCore Create() => new MissingTradingCore();

    private sealed class MissingTradingCore : ITradingCore
    {
        public string? FeedProblem => "the trading actors (src/Actors TradingCore) are not part of this build";

        public IReadOnlyList<ClusterKind> CreateKinds(TradingCoreContext context) => [];

        public Task StartAsync(RuntimeCluster cluster, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
