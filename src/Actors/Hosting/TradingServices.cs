using RuntimeCluster = ActorTrading.Runtime.Cluster.Cluster;
using ActorTrading.Actors.Risk;
using ActorTrading.Actors.Symbols;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Cluster;

namespace ActorTrading.Actors.Hosting;

/// <summary>What the trading actors share on one node: the options, the clock and the cluster (attached once started).</summary>
public sealed class TradingServices
{
    private RuntimeCluster? _cluster;
    private readonly Dictionary<string, Props> _childProps = new(StringComparer.Ordinal);

    public TradingServices(TradingCoreOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
    }

    public TradingCoreOptions Options { get; }
    public TimeProvider Time { get; }

    /// <summary>The last tick of each symbol actor on this node (risk reads prices here at decision time).</summary>
    public TickBoard Ticks { get; } = new();

    public RuntimeCluster Cluster => _cluster ?? throw new InvalidOperationException("TradingServices.Attach(cluster) was not called");

    public void Attach(RuntimeCluster cluster) => _cluster = cluster;

    public IRiskEvaluator CreateRiskEvaluator() =>
        Options.RiskEvaluatorFactory?.Invoke(Options.Calendar, Time) ?? new RiskEngineEvaluator(new RiskEngine(Options.Calendar, Time));

    public Props HotPath(Props props) => Options.HotPathDispatcher is { } d ? props.WithDispatcher(d) : props;

    /// <summary>
    /// Props built once per node under <paramref name="key"/> and shared by every actor that spawns that kind of child
    /// (props hold delegates and closures: ~300 B each, per account when built per spawn). <paramref name="create"/> must
    /// only capture node-wide state.
    /// </summary>
    public Props SharedProps(string key, Func<TradingServices, Props> create)
    {
        lock (_childProps)
        {
            if (!_childProps.TryGetValue(key, out var props)) _childProps[key] = props = create(this);
            return props;
        }
    }
}
