using ActorTrading.Actors.Indicators;
using ActorTrading.Actors.Model;
using Side = ActorTrading.Api.V1.Side;

namespace ActorTrading.Actors.Strategies;

/// <summary>
/// confluence_amplifier — enters only when trend, momentum and participation agree. On each closed bar t (all
/// indicators ready): LONG agreement = EMA(fast) &gt; EMA(slow) and close &gt; EMA(slow) and rsi_long_min ≤ RSI(rsi_period)
/// ≤ rsi_long_max and volume(t) ≥ volume_multiplier × average volume of bars t−volume_period..t−1. SHORT agreement is
/// the mirror: EMA(fast) &lt; EMA(slow), close &lt; EMA(slow), 100 − rsi_long_max ≤ RSI ≤ 100 − rsi_long_min, same volume
/// test. It fires on the first bar of an agreement (not on every bar while it lasts), only when flat; shorts need
/// allow_short. Stop atr_stop_multiplier × ATR(atr_period), target reward_risk × risk.
/// </summary>
public sealed class ConfluenceAmplifierStrategy(StrategyParameters p) : StrategyBase<ConfluenceAmplifierStrategy.SymbolState>
{
    public const string Name = "confluence_amplifier";

    public static StrategyDescriptor Descriptor { get; } = new(Name,
        "Enters when EMA trend, RSI momentum and above-average volume agree.",
        [
            ParameterSpec.Int("fast_period", 9, "fast EMA period", 1, 500),
            ParameterSpec.Int("slow_period", 21, "slow EMA period", 2, 1000),
            ParameterSpec.Int("rsi_period", 14, "RSI period (Wilder)", 2, 500),
            ParameterSpec.Decimal("rsi_long_min", 50m, "lowest RSI for a long (shorts use 100 minus the max)", 0m, 100m),
            ParameterSpec.Decimal("rsi_long_max", 70m, "highest RSI for a long (shorts use 100 minus the min)", 0m, 100m),
            ParameterSpec.Int("volume_period", 20, "bars in the volume average", 1, 500),
            ParameterSpec.Decimal("volume_multiplier", 1.2m, "volume must be at least this times its average", 0m, 100m),
            ParameterSpec.Int("atr_period", 14, "ATR period for the stop", 1, 500),
            ParameterSpec.Decimal("atr_stop_multiplier", 2m, "stop distance in ATRs", 0.1m, 20m),
            ParameterSpec.Decimal("reward_risk", 2.5m, "target distance as a multiple of the stop distance", 0.1m, 20m),
            ParameterSpec.Bool("allow_short", true, "take short agreements"),
        ],
        static p => new ConfluenceAmplifierStrategy(p),
        static p => p.Int("fast_period") >= p.Int("slow_period")
            ? $"fast_period ({p.Int("fast_period")}) must be smaller than slow_period ({p.Int("slow_period")})"
            : p.Decimal("rsi_long_min") > p.Decimal("rsi_long_max")
                ? $"rsi_long_min ({p.Decimal("rsi_long_min")}) must not exceed rsi_long_max ({p.Decimal("rsi_long_max")})" : null);

    public override string Type => Name;

    protected override SymbolState NewState(SymbolId symbol) => new(new Ema(p.Int("fast_period")), new Ema(p.Int("slow_period")),
        new Rsi(p.Int("rsi_period")), new VolumeAverage(p.Int("volume_period")), new Atr(p.Int("atr_period")));

    public override void OnBar(Bar bar, IStrategyContext ctx)
    {
        var s = State(bar.Symbol);
        var volumeReady = s.Volume.IsReady;
        var averageVolume = s.Volume.Value;
        s.Volume.Update(bar.Volume);
        var fast = s.Fast.Update(bar.Close);
        var slow = s.Slow.Update(bar.Close);
        var rsi = s.Rsi.Update(bar.Close);
        var atr = s.Atr.Update(bar);
        if (!volumeReady || !s.Slow.IsReady || !s.Fast.IsReady || !s.Rsi.IsReady || !s.Atr.IsReady) return;
        var volumeOk = bar.Volume >= p.Decimal("volume_multiplier") * averageVolume;
        var (lo, hi) = (p.Decimal("rsi_long_min"), p.Decimal("rsi_long_max"));
        var agreement = !volumeOk ? 0
            : fast > slow && bar.Close > slow && rsi >= lo && rsi <= hi ? 1
            : fast < slow && bar.Close < slow && rsi >= 100 - hi && rsi <= 100 - lo ? -1
            : 0;
        var previous = s.Agreement;
        s.Agreement = agreement;
        if (agreement == 0 || agreement == previous || ctx.PositionQuantity(bar.Symbol) != 0) return;
        var stop = p.Decimal("atr_stop_multiplier") * atr;
        var rr = p.Decimal("reward_risk");
        var reason = $"confluence: EMA {Math.Round(fast, 2)}/{Math.Round(slow, 2)}, RSI {Math.Round(rsi, 1)}, volume {bar.Volume}";
        if (agreement > 0 && Bracket(ctx, bar.Symbol, Side.Buy, bar.Close, stop, rr, reason) is { } up) ctx.Submit(up);
        else if (agreement < 0 && p.Bool("allow_short") && Bracket(ctx, bar.Symbol, Side.Sell, bar.Close, stop, rr, reason) is { } down) ctx.Submit(down);
    }

    public sealed class SymbolState(Ema fast, Ema slow, Rsi rsi, VolumeAverage volume, Atr atr)
    {
        public Ema Fast { get; } = fast;
        public Ema Slow { get; } = slow;
        public Rsi Rsi { get; } = rsi;
        public VolumeAverage Volume { get; } = volume;
        public Atr Atr { get; } = atr;
        public int Agreement { get; set; }
    }
}
