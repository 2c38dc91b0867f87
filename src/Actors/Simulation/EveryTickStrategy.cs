using ActorTrading.Actors.Model;
using ActorTrading.Actors.Strategies;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Simulation;

/// <summary>
/// A load-test strategy (not in the default catalog): on every tick it submits one market order of <c>quantity</c>,
/// alternating BUY and SELL so the position stays flat. Used by the tick-to-order benchmark and the actor tests.
/// </summary>
public sealed class EveryTickStrategy(decimal quantity) : IStrategy
{
    public const string Name = "every_tick";

    private bool _buy = true;

    public static StrategyDescriptor Descriptor { get; } = new(Name, "market order on every tick, alternating sides (load tests)",
        [ParameterSpec.Decimal("quantity", 1m, "order quantity", 1m, 1_000_000m)], p => new EveryTickStrategy(p.Decimal("quantity")));

    /// <summary>The default catalog plus this strategy.</summary>
    public static StrategyCatalog Catalog { get; } = new(StrategyCatalog.Default.All.Append(Descriptor));

    public string Type => Name;

    public void OnStart(IStrategyContext context) { }

    public void OnTick(MarketTick tick, IStrategyContext context)
    {
        context.Submit(new OrderIntent { Symbol = tick.Symbol, Side = _buy ? Side.Buy : Side.Sell, Quantity = quantity, Reason = "every tick" });
        _buy = !_buy;
    }

    public void OnBar(Model.Bar bar, IStrategyContext context) { }

    public void OnFill(Fill fill, IStrategyContext context) { }

    public SignalOutcome OnSignal(ExternalSignal signal, IStrategyContext context) => SignalOutcome.Reject($"{Name} does not take signals");
}
