using RuntimeCluster = ActorTrading.Runtime.Cluster.Cluster;
using ActorTrading.Actors.Model;
using ActorTrading.Host.Configuration;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Cluster;
using Microsoft.Extensions.Options;

namespace ActorTrading.Host.Composition;

/// <summary>
/// Owns the actor system and the cluster: starts them before the server listens, and at shutdown (after the server
/// has stopped taking calls and drained) stops the feed, passivates every actor and shuts the system down.
/// </summary>
public sealed partial class ActorHost(
    IOptions<NodeOptions> options, NodeStorage storage, ITradingCore core, TimeProvider time, ILoggerFactory logging, ILogger<ActorHost> log)
    : IHostedService
{
    private RuntimeCluster? _cluster;
    private Storage.Redis.RedisMembershipProvider? _membership;

    public ActorSystem System { get; } = new(new ActorSystemConfig
    {
        Address = ClusterWiring.SystemAddress(options.Value),
        TimeProvider = time,
        DefaultRequestTimeout = options.Value.ActorRequestTimeout,
    });

    public RuntimeCluster Cluster => _cluster ?? throw new InvalidOperationException("the actor host has not started");

    public bool IsStarted => _cluster is not null;

    /// <summary>Remoting to the other members (cluster mode), or null on a single node.</summary>
    public Runtime.Remote.Remote? Remoting
    {
        get
        {
            if (!options.Value.Cluster.Enabled) return null;
            lock (_remotingLock) return _remoting ??= ClusterWiring.CreateRemote(System, options.Value);
        }
    }

    private readonly Lock _remotingLock = new();
    private Runtime.Remote.Remote? _remoting;

    /// <summary>The kinds the trading core registered (empty when it is missing from the build).</summary>
    public IReadOnlySet<string> Kinds { get; private set; } = new HashSet<string>();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var context = new TradingCoreContext(options.Value, storage, InstrumentCatalog.Default, time, logging);
        var kinds = core.CreateKinds(context);
        Kinds = kinds.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        var config = new ClusterConfig(options.Value.NodeId, [.. kinds]);
        if (options.Value.Cluster.Enabled)
        {
            _membership = ClusterWiring.CreateMembership(storage, options.Value, time);
            config = config with { Kinds = ClusterWiring.Kinds(kinds), MembershipProvider = _membership, Remote = Remoting };
            Remoting!.Start();
        }
        var cluster = new RuntimeCluster(System, config);
        await cluster.StartAsync(cancellationToken).ConfigureAwait(false);
        _cluster = cluster;
        await core.StartAsync(cluster, cancellationToken).ConfigureAwait(false);
        LogStarted(log, options.Value.NodeId, string.Join(", ", Kinds));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await core.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_cluster is { } cluster)
        {
            var active = cluster.ActivationCount;
            await cluster.ShutdownAsync(cancellationToken).ConfigureAwait(false);
            LogPassivated(log, active);
        }
        await System.ShutdownAsync().ConfigureAwait(false);
        if (Remoting is { } remote) await remote.DisposeAsync().ConfigureAwait(false);
        if (_membership is { } membership) await membership.DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Actor system started on node {NodeId} with kinds [{Kinds}]")]
    private static partial void LogStarted(ILogger logger, string nodeId, string kinds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Passivated {Count} actors")]
    private static partial void LogPassivated(ILogger logger, int count);
}
