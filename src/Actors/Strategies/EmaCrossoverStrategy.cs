using ActorTrading.Actors.Indicators;
using ActorTrading.Actors.Model;
using Side = ActorTrading.Api.V1.Side;

namespace ActorTrading.Actors.Strategies;

/// <summary>
/// ema_crossover — on each closed bar, EMA(fast) and EMA(slow) of the close are updated. A cross up is a bar where
/// fast &gt; slow after a bar where fast ≤ slow (both EMAs ready on both bars); a cross down is the mirror.
/// Cross up: if short, buy to cover (no flip on the same bar); if flat, buy at market with stop
/// close × (1 − stop_percent/100) and target at reward_risk × risk. Cross down: if long, sell to exit; if flat and
/// allow_short, sell short with the mirrored bracket. Quantity is left to risk sizing.
/// </summary>
public sealed class EmaCrossoverStrategy(StrategyParameters p) : StrategyBase<EmaCrossoverStrategy.SymbolState>
{
    public const string Name = "ema_crossover";

    public static StrategyDescriptor Descriptor { get; } = new(Name,
        "Trend following: enter on EMA(fast) crossing EMA(slow), exit on the opposite cross.",
        [
            ParameterSpec.Int("fast_period", 9, "fast EMA period in bars", 1, 500),
            ParameterSpec.Int("slow_period", 21, "slow EMA period in bars", 2, 1000),
            ParameterSpec.Decimal("stop_percent", 1m, "stop-loss distance in percent of the entry", 0.01m, 50m),
            ParameterSpec.Decimal("reward_risk", 2.5m, "target distance as a multiple of the stop distance", 0.1m, 20m),
            ParameterSpec.Bool("allow_short", true, "enter short on a cross down when flat"),
        ],
        static p => new EmaCrossoverStrategy(p),
        static p => p.Int("fast_period") < p.Int("slow_period") ? null
            : $"fast_period ({p.Int("fast_period")}) must be smaller than slow_period ({p.Int("slow_period")})");

    public override string Type => Name;

    protected override SymbolState NewState(SymbolId symbol) => new(new Ema(p.Int("fast_period")), new Ema(p.Int("slow_period")));

    public override void OnBar(Bar bar, IStrategyContext ctx)
    {
        var s = State(bar.Symbol);
        var fast = s.Fast.Update(bar.Close);
        var slow = s.Slow.Update(bar.Close);
        if (!s.Slow.IsReady || !s.Fast.IsReady) return;
        var above = fast > slow;
        var wasAbove = s.WasAbove;
        s.WasAbove = above;
        if (wasAbove is null || wasAbove == above) return;
        var position = ctx.PositionQuantity(bar.Symbol);
        var stopDistance = bar.Close * p.Decimal("stop_percent") / 100m;
        if (above)
        {
            if (position < 0) ctx.Submit(Exit(bar.Symbol, position, "ema cross up: cover short"));
            else if (position == 0 && Bracket(ctx, bar.Symbol, Side.Buy, bar.Close, stopDistance, p.Decimal("reward_risk"), "ema cross up") is { } i) ctx.Submit(i);
        }
        else
        {
            if (position > 0) ctx.Submit(Exit(bar.Symbol, position, "ema cross down: exit long"));
            else if (position == 0 && p.Bool("allow_short")
                && Bracket(ctx, bar.Symbol, Side.Sell, bar.Close, stopDistance, p.Decimal("reward_risk"), "ema cross down") is { } i) ctx.Submit(i);
        }
    }

    public sealed class SymbolState(Ema fast, Ema slow)
    {
        public Ema Fast { get; } = fast;
        public Ema Slow { get; } = slow;
        public bool? WasAbove { get; set; }
    }
}
