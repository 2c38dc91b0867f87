using ActorTrading.Actors.Model;
using Side = ActorTrading.Api.V1.Side;

namespace ActorTrading.Actors.Strategies;

/// <summary>
/// signal_follower — trades external signals (TradingView alerts, SendSignal) after validating them; it ignores bars.
/// A signal is refused, listing every problem, when: the symbol is not EXCHANGE:SYMBOL or not a known instrument of
/// this instance; the action is not BUY or SELL; the quantity is negative or not whole lots; there is no price
/// (neither given nor a last price); a given stop or target is on the wrong side of the entry; or reward:risk
/// |target − entry| / |entry − stop| is below the account's minimum (RiskLimits.min_reward_risk). Missing levels are
/// implied from the entry (the given price, else the last price): stop at default_stop_percent, target at
/// default_reward_risk × risk. An accepted signal becomes a market intent carrying the stop and target.
/// </summary>
public sealed class SignalFollowerStrategy(StrategyParameters p) : StrategyBase<object>
{
    public const string Name = "signal_follower";

    public static StrategyDescriptor Descriptor { get; } = new(Name,
        "Follows validated external signals (e.g. TradingView alerts), implying stop and target when missing.",
        [
            ParameterSpec.Decimal("default_stop_percent", 1m, "stop distance in percent of the entry when the signal has none", 0.01m, 50m),
            ParameterSpec.Decimal("default_reward_risk", 3m, "target as a multiple of the risk when the signal has none", 0.1m, 20m),
        ],
        static p => new SignalFollowerStrategy(p));

    public override string Type => Name;

    protected override object NewState(SymbolId symbol) => new();

    public override void OnBar(Bar bar, IStrategyContext context) { }

    public override SignalOutcome OnSignal(ExternalSignal signal, IStrategyContext ctx)
    {
        var errors = new List<string>();
        InstrumentSpec? spec = null;
        if (!SymbolId.TryParse(signal.Symbol?.Trim().ToUpperInvariant(), out var symbol)) errors.Add($"symbol '{signal.Symbol}' is not EXCHANGE:SYMBOL");
        else if (!ctx.Symbols.Contains(symbol) || !ctx.TryGetInstrument(symbol, out spec)) errors.Add($"symbol {symbol} is not traded by this strategy instance");
        Side? side = (signal.Action ?? "").Trim().ToUpperInvariant() switch { "BUY" => Side.Buy, "SELL" => Side.Sell, _ => null };
        if (side is null) errors.Add($"action '{signal.Action}' must be BUY or SELL");
        if (signal.Quantity < 0) errors.Add($"quantity {signal.Quantity} must not be negative");
        else if (spec is not null && signal.Quantity > 0 && spec.ValidateQuantity(signal.Quantity) is { } q) errors.Add(q);
        if (errors.Count > 0 || spec is null || side is not { } s) return SignalOutcome.Reject(errors);

        var entry = signal.Price ?? ctx.LastPrice(symbol);
        if (entry <= 0) return SignalOutcome.Reject($"no price for {symbol}: the signal has none and there is no last price");
        var buy = s == Side.Buy;
        var stop = signal.StopLoss ?? spec.RoundToTick(buy ? entry * (1 - p.Decimal("default_stop_percent") / 100m) : entry * (1 + p.Decimal("default_stop_percent") / 100m));
        if (buy ? stop >= entry : stop <= entry) errors.Add($"stop_loss {stop} must be {(buy ? "below" : "above")} the entry {entry} for a {s}");
        var risk = Math.Abs(entry - stop);
        var target = signal.TakeProfit ?? spec.RoundToTick(buy ? entry + p.Decimal("default_reward_risk") * risk : entry - p.Decimal("default_reward_risk") * risk);
        if (buy ? target <= entry : target >= entry) errors.Add($"take_profit {target} must be {(buy ? "above" : "below")} the entry {entry} for a {s}");
        if (errors.Count > 0) return SignalOutcome.Reject(errors);
        var ratio = Math.Abs(target - entry) / risk;
        if (ratio < ctx.MinRewardRisk)
            return SignalOutcome.Reject($"reward:risk {Math.Round(ratio, 2)} is below the minimum {ctx.MinRewardRisk} (entry {entry}, stop {stop}, target {target})");
        var intent = new OrderIntent
        {
            Symbol = symbol, Side = s, Quantity = signal.Quantity, StopLoss = stop, TakeProfit = target,
            Reason = $"signal {s} {symbol} @ {entry}",
        };
        ctx.Submit(intent);
        return SignalOutcome.Accept(intent);
    }
}
