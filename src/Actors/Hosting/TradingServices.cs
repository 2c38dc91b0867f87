using RuntimeCluster = ActorTrading.Runtime.Cluster.Cluster;
using ActorTrading.Actors.Risk;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Cluster;

namespace ActorTrading.Actors.Hosting;

/// <summary>What the trading actors share on one node: the options, the clock and the cluster (attached once started).</summary>
public sealed class TradingServices
{
    private RuntimeCluster? _cluster;

    public TradingServices(TradingCoreOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
    }

    public TradingCoreOptions Options { get; }
    public TimeProvider Time { get; }

    public RuntimeCluster Cluster => _cluster ?? throw new InvalidOperationException("TradingServices.Attach(cluster) was not called");

    public void Attach(RuntimeCluster cluster) => _cluster = cluster;

    public IRiskEvaluator CreateRiskEvaluator() =>
        Options.RiskEvaluatorFactory?.Invoke(Options.Calendar, Time) ?? new RiskEngineEvaluator(new RiskEngine(Options.Calendar, Time));

    public Props HotPath(Props props) => Options.HotPathDispatcher is { } d ? props.WithDispatcher(d) : props;
}
