using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Strategies;

/// <summary>
/// One running strategy instance. The strategy actor calls these in order, one at a time; the strategy
/// answers by submitting <see cref="OrderIntent"/>s through the context (risk decides what becomes an order).
/// Implementations are deterministic: no clocks, no randomness, no I/O.
/// </summary>
public interface IStrategy
{
    /// <summary>The catalog name, e.g. "ema_crossover".</summary>
    string Type { get; }

    void OnStart(IStrategyContext context);

    void OnTick(MarketTick tick, IStrategyContext context);

    /// <summary>A completed 1-minute bar of one of the instance's symbols.</summary>
    void OnBar(Bar bar, IStrategyContext context);

    void OnFill(Fill fill, IStrategyContext context);

    /// <summary>An external signal (API SendSignal, TradingView webhook). Strategies that do not take signals reject it.</summary>
    SignalOutcome OnSignal(ExternalSignal signal, IStrategyContext context);
}
