using ActorTrading.Actors.Indicators;
using ActorTrading.Actors.Model;
using Side = ActorTrading.Api.V1.Side;

namespace ActorTrading.Actors.Strategies;

/// <summary>
/// optimized_volume_scalper — the VWAP scalper with thresholds that adapt to the market. On each closed bar t:
/// session VWAP as in volume_profile_scalper; the volume spike threshold is mean + volume_sigma × σ of the volume
/// of the previous spike_period bars (Bollinger band on volume, population σ), so quiet and busy symbols each get
/// their own bar; the minimum distance from VWAP is distance_atr × ATR(atr_period) (ATR of bars up to t−1).
/// When flat and volume(t) &gt; threshold: close ≥ VWAP + distance buys, close ≤ VWAP − distance sells short (if
/// allow_short). Stop atr_stop_multiplier × ATR, target reward_risk × risk.
/// </summary>
public sealed class OptimizedVolumeScalperStrategy(StrategyParameters p) : StrategyBase<OptimizedVolumeScalperStrategy.SymbolState>
{
    public const string Name = "optimized_volume_scalper";

    public static StrategyDescriptor Descriptor { get; } = new(Name,
        "VWAP scalper with a statistical volume-spike threshold and an ATR-scaled VWAP distance.",
        [
            ParameterSpec.Int("spike_period", 20, "bars in the volume statistics", 2, 500),
            ParameterSpec.Decimal("volume_sigma", 2m, "spike threshold in standard deviations above the mean volume", 0m, 10m),
            ParameterSpec.Int("atr_period", 14, "ATR period", 1, 500),
            ParameterSpec.Decimal("distance_atr", 0.25m, "minimum distance from VWAP in ATRs", 0m, 10m),
            ParameterSpec.Decimal("atr_stop_multiplier", 1m, "stop distance in ATRs", 0.1m, 20m),
            ParameterSpec.Decimal("reward_risk", 2.5m, "target distance as a multiple of the stop distance", 0.1m, 20m),
            ParameterSpec.Bool("allow_short", true, "trade below-VWAP spikes short"),
        ],
        static p => new OptimizedVolumeScalperStrategy(p));

    public override string Type => Name;

    protected override SymbolState NewState(SymbolId symbol) =>
        new(new Vwap(), new BollingerBands(p.Int("spike_period"), Math.Max(p.Decimal("volume_sigma"), 0.0001m)), new Atr(p.Int("atr_period")));

    public override void OnBar(Bar bar, IStrategyContext ctx)
    {
        var s = State(bar.Symbol);
        var vwap = s.Vwap.Update(SessionDate.Of(bar.Start), bar.TypicalPrice, bar.Volume);
        var ready = s.VolumeBands.IsReady && s.Atr.IsReady;
        var threshold = p.Decimal("volume_sigma") == 0 ? s.VolumeBands.Middle : s.VolumeBands.Upper;
        var atrBefore = s.Atr.Value;
        s.VolumeBands.Update(bar.Volume);
        var atr = s.Atr.Update(bar);
        if (!ready || ctx.PositionQuantity(bar.Symbol) != 0 || bar.Volume <= threshold) return;
        var distance = p.Decimal("distance_atr") * atrBefore;
        var stop = p.Decimal("atr_stop_multiplier") * atr;
        var rr = p.Decimal("reward_risk");
        if (bar.Close >= vwap + distance && bar.Close > vwap
            && Bracket(ctx, bar.Symbol, Side.Buy, bar.Close, stop, rr, $"adaptive spike above VWAP {Math.Round(vwap, 2)}") is { } up)
            ctx.Submit(up);
        else if (bar.Close <= vwap - distance && bar.Close < vwap && p.Bool("allow_short")
            && Bracket(ctx, bar.Symbol, Side.Sell, bar.Close, stop, rr, $"adaptive spike below VWAP {Math.Round(vwap, 2)}") is { } down)
            ctx.Submit(down);
    }

    public sealed class SymbolState(Vwap vwap, BollingerBands volumeBands, Atr atr)
    {
        public Vwap Vwap { get; } = vwap;
        public BollingerBands VolumeBands { get; } = volumeBands;
        public Atr Atr { get; } = atr;
    }
}
