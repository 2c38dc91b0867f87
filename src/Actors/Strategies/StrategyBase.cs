using ActorTrading.Actors.Model;
using Side = ActorTrading.Api.V1.Side;

namespace ActorTrading.Actors.Strategies;

/// <summary>
/// Common plumbing for the built-ins: per-symbol state, no-op hooks, signals refused, and
/// <see cref="Bracket"/> which turns an entry idea into a market intent with tick-aligned stop and target
/// whose reward:risk is at least the one asked for.
/// </summary>
public abstract class StrategyBase<TState> : IStrategy where TState : class
{
    private readonly Dictionary<SymbolId, TState> _states = new();

    public abstract string Type { get; }

    public virtual void OnStart(IStrategyContext context) { }

    public virtual void OnTick(MarketTick tick, IStrategyContext context) { }

    public abstract void OnBar(Bar bar, IStrategyContext context);

    public virtual void OnFill(Fill fill, IStrategyContext context) { }

    public virtual SignalOutcome OnSignal(ExternalSignal signal, IStrategyContext context) =>
        SignalOutcome.Reject($"strategy {Type} does not accept external signals");

    protected abstract TState NewState(SymbolId symbol);

    protected TState State(SymbolId symbol)
    {
        if (!_states.TryGetValue(symbol, out var s)) { s = NewState(symbol); _states.Add(symbol, s); }
        return s;
    }

    /// <summary>
    /// A market entry at <paramref name="entry"/> with the stop <paramref name="stopDistance"/> away (rounded away from the
    /// entry to the tick grid) and the target at reward:risk × risk (rounded away too), quantity 0 (risk sizes it).
    /// Null when the instrument is unknown or the distance is under one tick.
    /// </summary>
    protected static OrderIntent? Bracket(IStrategyContext ctx, SymbolId symbol, Side side, decimal entry, decimal stopDistance,
        decimal rewardRisk, string reason)
    {
        if (!ctx.TryGetInstrument(symbol, out var spec) || entry <= 0 || stopDistance < spec.TickSize) return null;
        var tick = spec.TickSize;
        var buy = side == Side.Buy;
        var stop = buy ? DecimalMath.FloorTo(entry - stopDistance, tick) : -DecimalMath.FloorTo(-(entry + stopDistance), tick);
        if (stop <= 0) return null;
        var risk = Math.Abs(entry - stop);
        var rawTarget = buy ? entry + rewardRisk * risk : entry - rewardRisk * risk;
        var target = buy ? -DecimalMath.FloorTo(-rawTarget, tick) : DecimalMath.FloorTo(rawTarget, tick);
        if (target <= 0) return null;
        return new OrderIntent { Symbol = symbol, Side = side, StopLoss = stop, TakeProfit = target, Reason = reason };
    }

    /// <summary>An intent closing the whole current position of <paramref name="symbol"/>.</summary>
    protected static OrderIntent Exit(SymbolId symbol, decimal position, string reason) => new()
    {
        Symbol = symbol, Side = position > 0 ? Side.Sell : Side.Buy, Quantity = Math.Abs(position), Reason = reason,
    };
}
