using ActorTrading.Actors.Indicators;
using ActorTrading.Actors.Model;
using Side = ActorTrading.Api.V1.Side;

namespace ActorTrading.Actors.Strategies;

/// <summary>
/// volatility_explosion — a Bollinger squeeze followed by a range expansion. Bar t fires when (a) one of the bars
/// t−squeeze_memory..t−1 closed with Bollinger(bb_period, bb_k) bandwidth × 100 ≤ squeeze_percent, and (b) the true
/// range of bar t ≥ expansion_multiplier × ATR(atr_period) as of bar t−1. Direction: close above the Bollinger middle
/// (including bar t) buys, below sells short (if allow_short). Only when flat. Stop atr_stop_multiplier × ATR
/// (including bar t), target reward_risk × risk. A fired squeeze is consumed.
/// </summary>
public sealed class VolatilityExplosionStrategy(StrategyParameters p) : StrategyBase<VolatilityExplosionStrategy.SymbolState>
{
    public const string Name = "volatility_explosion";

    public static StrategyDescriptor Descriptor { get; } = new(Name,
        "Trades the first range expansion after a Bollinger-band squeeze, in the direction of the break.",
        [
            ParameterSpec.Int("bb_period", 20, "Bollinger period", 2, 500),
            ParameterSpec.Decimal("bb_k", 2m, "Bollinger width in standard deviations", 0.1m, 10m),
            ParameterSpec.Decimal("squeeze_percent", 2m, "a squeeze is a bandwidth (upper-lower)/middle at or below this percent", 0.01m, 100m),
            ParameterSpec.Int("squeeze_memory", 5, "bars a squeeze stays armed", 1, 100),
            ParameterSpec.Int("atr_period", 14, "ATR period", 1, 500),
            ParameterSpec.Decimal("expansion_multiplier", 1.5m, "true range must be at least this many ATRs", 0.1m, 20m),
            ParameterSpec.Decimal("atr_stop_multiplier", 1.5m, "stop distance in ATRs", 0.1m, 20m),
            ParameterSpec.Decimal("reward_risk", 2.5m, "target distance as a multiple of the stop distance", 0.1m, 20m),
            ParameterSpec.Bool("allow_short", true, "trade downward explosions short"),
        ],
        static p => new VolatilityExplosionStrategy(p));

    public override string Type => Name;

    protected override SymbolState NewState(SymbolId symbol) =>
        new(new BollingerBands(p.Int("bb_period"), p.Decimal("bb_k")), new Atr(p.Int("atr_period")));

    public override void OnBar(Bar bar, IStrategyContext ctx)
    {
        var s = State(bar.Symbol);
        var armed = s.BarsSinceSqueeze is { } since && since < p.Int("squeeze_memory");
        var atrBefore = s.Atr.IsReady ? s.Atr.Value : 0m;
        var atr = s.Atr.Update(bar);
        var trueRange = s.Atr.LastTrueRange;
        s.Bands.Update(bar.Close);
        s.BarsSinceSqueeze = s.BarsSinceSqueeze + 1;
        if (s.Bands.IsReady && s.Bands.Bandwidth * 100m <= p.Decimal("squeeze_percent")) s.BarsSinceSqueeze = 0;
        if (!armed || atrBefore == 0 || trueRange < p.Decimal("expansion_multiplier") * atrBefore) return;
        if (ctx.PositionQuantity(bar.Symbol) != 0) return;
        s.BarsSinceSqueeze = null;
        var stop = p.Decimal("atr_stop_multiplier") * atr;
        var rr = p.Decimal("reward_risk");
        if (bar.Close > s.Bands.Middle && Bracket(ctx, bar.Symbol, Side.Buy, bar.Close, stop, rr, "squeeze released upward") is { } up) ctx.Submit(up);
        else if (bar.Close < s.Bands.Middle && p.Bool("allow_short")
            && Bracket(ctx, bar.Symbol, Side.Sell, bar.Close, stop, rr, "squeeze released downward") is { } down) ctx.Submit(down);
    }

    public sealed class SymbolState(BollingerBands bands, Atr atr)
    {
        public BollingerBands Bands { get; } = bands;
        public Atr Atr { get; } = atr;
        /// <summary>Bars since the last squeeze bar (0 = the latest bar was a squeeze); null when none is armed.</summary>
        public int? BarsSinceSqueeze { get; set; }
    }
}
