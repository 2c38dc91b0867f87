using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Strategies;

/// <summary>What a strategy may see and do. The strategy actor implements it over the account's state.</summary>
public interface IStrategyContext
{
    DateTimeOffset Now { get; }

    /// <summary>The symbols this instance trades.</summary>
    IReadOnlyList<SymbolId> Symbols { get; }

    bool TryGetInstrument(SymbolId symbol, out InstrumentSpec instrument);

    /// <summary>Net position quantity of the account in <paramref name="symbol"/> (&lt; 0 short).</summary>
    decimal PositionQuantity(SymbolId symbol);

    /// <summary>Last traded price (0 when unknown).</summary>
    decimal LastPrice(SymbolId symbol);

    /// <summary>The account's minimum reward:risk (RiskLimits.min_reward_risk).</summary>
    decimal MinRewardRisk { get; }

    void Submit(OrderIntent intent);
}
