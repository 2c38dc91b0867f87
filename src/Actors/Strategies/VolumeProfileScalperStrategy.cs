using ActorTrading.Actors.Indicators;
using ActorTrading.Actors.Model;
using Side = ActorTrading.Api.V1.Side;

namespace ActorTrading.Actors.Strategies;

/// <summary>
/// volume_profile_scalper — on each closed bar t: the session VWAP is updated with the bar's typical price
/// (H+L+C)/3 × volume (reset at each IST trading date). A spike is volume(t) ≥ spike_multiplier × the average
/// volume of the previous spike_period bars. When flat and spiking: close ≥ VWAP × (1 + min_distance_percent/100)
/// buys; close ≤ VWAP × (1 − min_distance_percent/100) sells short (if allow_short). Stop at stop_percent of the
/// close, target at reward_risk × risk.
/// </summary>
public sealed class VolumeProfileScalperStrategy(StrategyParameters p) : StrategyBase<VolumeProfileScalperStrategy.SymbolState>
{
    public const string Name = "volume_profile_scalper";

    public static StrategyDescriptor Descriptor { get; } = new(Name,
        "Scalps moves away from the session VWAP that come with a volume spike.",
        [
            ParameterSpec.Int("spike_period", 20, "bars in the volume average", 1, 500),
            ParameterSpec.Decimal("spike_multiplier", 2m, "a spike is at least this times the average volume", 0m, 100m),
            ParameterSpec.Decimal("min_distance_percent", 0.1m, "minimum distance of the close from VWAP, in percent", 0m, 20m),
            ParameterSpec.Decimal("stop_percent", 0.3m, "stop distance in percent of the close", 0.01m, 20m),
            ParameterSpec.Decimal("reward_risk", 2.5m, "target distance as a multiple of the stop distance", 0.1m, 20m),
            ParameterSpec.Bool("allow_short", true, "trade below-VWAP spikes short"),
        ],
        static p => new VolumeProfileScalperStrategy(p));

    public override string Type => Name;

    protected override SymbolState NewState(SymbolId symbol) => new(new Vwap(), new VolumeAverage(p.Int("spike_period")));

    public override void OnBar(Bar bar, IStrategyContext ctx)
    {
        var s = State(bar.Symbol);
        var vwap = s.Vwap.Update(SessionDate.Of(bar.Start), bar.TypicalPrice, bar.Volume);
        var ready = s.Volume.IsReady;
        var average = s.Volume.Value;
        s.Volume.Update(bar.Volume);
        if (!ready || ctx.PositionQuantity(bar.Symbol) != 0 || bar.Volume < p.Decimal("spike_multiplier") * average || average == 0) return;
        var d = p.Decimal("min_distance_percent") / 100m;
        var stop = bar.Close * p.Decimal("stop_percent") / 100m;
        var rr = p.Decimal("reward_risk");
        if (bar.Close >= vwap * (1 + d) && Bracket(ctx, bar.Symbol, Side.Buy, bar.Close, stop, rr, $"volume spike above VWAP {Math.Round(vwap, 2)}") is { } up)
            ctx.Submit(up);
        else if (bar.Close <= vwap * (1 - d) && p.Bool("allow_short")
            && Bracket(ctx, bar.Symbol, Side.Sell, bar.Close, stop, rr, $"volume spike below VWAP {Math.Round(vwap, 2)}") is { } down)
            ctx.Submit(down);
    }

    public sealed class SymbolState(Vwap vwap, VolumeAverage volume)
    {
        public Vwap Vwap { get; } = vwap;
        public VolumeAverage Volume { get; } = volume;
    }
}
