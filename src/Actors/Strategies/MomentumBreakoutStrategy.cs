using ActorTrading.Actors.Indicators;
using ActorTrading.Actors.Model;
using Side = ActorTrading.Api.V1.Side;

namespace ActorTrading.Actors.Strategies;

/// <summary>
/// momentum_breakout — on each closed bar t, with H = highest high and L = lowest low of the previous
/// <c>lookback</c> bars (t−lookback..t−1) and V = their average volume: when flat, a close above H with
/// volume ≥ volume_multiplier × V buys; a close below L with the same volume confirmation sells short (if
/// allow_short). Stop = atr_stop_multiplier × ATR(atr_period) (Wilder, including bar t) from the close;
/// target at reward_risk × risk. Nothing fires until the lookback window and the ATR are ready.
/// </summary>
public sealed class MomentumBreakoutStrategy(StrategyParameters p) : StrategyBase<MomentumBreakoutStrategy.SymbolState>
{
    public const string Name = "momentum_breakout";

    public static StrategyDescriptor Descriptor { get; } = new(Name,
        "Breakout of the N-bar high/low confirmed by above-average volume, ATR-based stop.",
        [
            ParameterSpec.Int("lookback", 20, "bars in the breakout window", 2, 500),
            ParameterSpec.Decimal("volume_multiplier", 1.5m, "breakout bar volume must be at least this times the window average", 0m, 100m),
            ParameterSpec.Int("atr_period", 14, "ATR period for the stop", 1, 500),
            ParameterSpec.Decimal("atr_stop_multiplier", 2m, "stop distance in ATRs", 0.1m, 20m),
            ParameterSpec.Decimal("reward_risk", 2.5m, "target distance as a multiple of the stop distance", 0.1m, 20m),
            ParameterSpec.Bool("allow_short", true, "trade downside breakouts short"),
        ],
        static p => new MomentumBreakoutStrategy(p));

    public override string Type => Name;

    protected override SymbolState NewState(SymbolId symbol)
    {
        var n = p.Int("lookback");
        return new(new RollingHighest(n), new RollingLowest(n), new VolumeAverage(n), new Atr(p.Int("atr_period")));
    }

    public override void OnBar(Bar bar, IStrategyContext ctx)
    {
        var s = State(bar.Symbol);
        var ready = s.High.IsReady && s.Volume.IsReady;
        var (high, low, avgVolume) = (s.High.Value, s.Low.Value, s.Volume.Value);
        s.High.Update(bar.High);
        s.Low.Update(bar.Low);
        s.Volume.Update(bar.Volume);
        var atr = s.Atr.Update(bar);
        if (!ready || !s.Atr.IsReady || ctx.PositionQuantity(bar.Symbol) != 0) return;
        if (bar.Volume < p.Decimal("volume_multiplier") * avgVolume) return;
        var stop = atr * p.Decimal("atr_stop_multiplier");
        var rr = p.Decimal("reward_risk");
        if (bar.Close > high && Bracket(ctx, bar.Symbol, Side.Buy, bar.Close, stop, rr, $"breakout above {high}") is { } up) ctx.Submit(up);
        else if (bar.Close < low && p.Bool("allow_short")
            && Bracket(ctx, bar.Symbol, Side.Sell, bar.Close, stop, rr, $"breakdown below {low}") is { } down) ctx.Submit(down);
    }

    public sealed class SymbolState(RollingHighest high, RollingLowest low, VolumeAverage volume, Atr atr)
    {
        public RollingHighest High { get; } = high;
        public RollingLowest Low { get; } = low;
        public VolumeAverage Volume { get; } = volume;
        public Atr Atr { get; } = atr;
    }
}
