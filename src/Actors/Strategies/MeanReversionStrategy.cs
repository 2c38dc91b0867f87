using ActorTrading.Actors.Indicators;
using ActorTrading.Actors.Model;
using Side = ActorTrading.Api.V1.Side;

namespace ActorTrading.Actors.Strategies;

/// <summary>
/// mean_reversion — fades closes outside the Bollinger bands back to the middle. On each closed bar (bands over
/// closes including this bar, ready), when flat: close &lt; lower band buys with target = middle band (rounded down to
/// the tick) and stop = entry − (target − entry) / reward_risk (rounded up to the tick, so reward:risk ≥ reward_risk);
/// close &gt; upper band sells short (if allow_short) with the mirrored levels. Skipped when the distance to the middle
/// is too small for a one-tick stop.
/// </summary>
public sealed class MeanReversionStrategy(StrategyParameters p) : StrategyBase<BollingerBands>
{
    public const string Name = "mean_reversion";

    public static StrategyDescriptor Descriptor { get; } = new(Name,
        "Buys closes below the lower Bollinger band and shorts closes above the upper band, targeting the middle band.",
        [
            ParameterSpec.Int("bb_period", 20, "Bollinger period", 2, 500),
            ParameterSpec.Decimal("bb_k", 2m, "Bollinger width in standard deviations", 0.1m, 10m),
            ParameterSpec.Decimal("reward_risk", 2.5m, "reward:risk of the bracket (the stop is placed to achieve it)", 0.1m, 20m),
            ParameterSpec.Bool("allow_short", true, "fade closes above the upper band short"),
        ],
        static p => new MeanReversionStrategy(p));

    public override string Type => Name;

    protected override BollingerBands NewState(SymbolId symbol) => new(p.Int("bb_period"), p.Decimal("bb_k"));

    public override void OnBar(Bar bar, IStrategyContext ctx)
    {
        var bands = State(bar.Symbol);
        bands.Update(bar.Close);
        if (!bands.IsReady || ctx.PositionQuantity(bar.Symbol) != 0 || !ctx.TryGetInstrument(bar.Symbol, out var spec)) return;
        var entry = bar.Close;
        var tick = spec.TickSize;
        var rr = p.Decimal("reward_risk");
        if (entry < bands.Lower)
        {
            var target = DecimalMath.FloorTo(bands.Middle, tick);
            var stop = -DecimalMath.FloorTo(-(entry - (target - entry) / rr), tick);
            if (target > entry && stop < entry && stop > 0)
                ctx.Submit(new OrderIntent { Symbol = bar.Symbol, Side = Side.Buy, StopLoss = stop, TakeProfit = target, Reason = $"close below lower band {Math.Round(bands.Lower, 2)}" });
        }
        else if (entry > bands.Upper && p.Bool("allow_short"))
        {
            var target = -DecimalMath.FloorTo(-bands.Middle, tick);
            var stop = DecimalMath.FloorTo(entry + (entry - target) / rr, tick);
            if (target < entry && stop > entry)
                ctx.Submit(new OrderIntent { Symbol = bar.Symbol, Side = Side.Sell, StopLoss = stop, TakeProfit = target, Reason = $"close above upper band {Math.Round(bands.Upper, 2)}" });
        }
    }
}
