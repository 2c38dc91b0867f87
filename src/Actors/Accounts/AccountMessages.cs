using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Actors.Strategies;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Accounts;

// Messages inside one account's actor tree (never cross nodes): immutable records.

/// <summary>Strategy, position or account → risk: check this order (ReplyTo answers the API request, if any).</summary>
/// <param name="TickArrivedAt">diagnostics: when the tick that caused the order entered its symbol actor (0: none).</param>
public sealed record EvaluateOrder(OrderRequest Request, PID? ReplyTo, bool BypassRisk = false, decimal? LastPrice = null, long TickArrivedAt = 0);

/// <summary>Risk → account: the decision on one order.</summary>
public sealed record RiskEvaluated(OrderRequest Request, RiskDecision Decision, PID? ReplyTo, long TickArrivedAt = 0);

/// <summary>
/// Account → risk: check a modification of an open order. <see cref="Current"/> is the order before it (remaining
/// <see cref="CurrentRemaining"/>), <see cref="Modified"/> after it with Quantity = the remaining quantity after it.
/// <see cref="Quantity"/>/<see cref="LimitPrice"/>/<see cref="StopPrice"/> are the requested changes (null = unchanged).
/// </summary>
public sealed record EvaluateModify(long Token, OrderId OrderId, decimal? Quantity, decimal? LimitPrice, decimal? StopPrice,
    OrderRequest Current, decimal CurrentRemaining, OrderRequest Modified, PID? ReplyTo);

/// <summary>Risk → account: the decision on a modification, or (Decision null) why risk cannot decide now.</summary>
public sealed record ModifyEvaluated(EvaluateModify Request, RiskDecision? Decision, string? Unavailable = null);

/// <summary>Risk → account: risk cannot decide now (restarting, not yet re-synced); nothing was reserved.</summary>
public sealed record RiskUnavailable(OrderRequest Request, PID? ReplyTo, string Reason);

/// <summary>Position → account: exits (stop, target, trailing, square-off) to place as orders.</summary>
public sealed record SubmitIntent(OrderIntent Intent, string Source);

/// <summary>Position → account: a held symbol's last price (marks the account's positions).</summary>
public sealed record PositionMarked(SymbolId Symbol, decimal Price);

/// <summary>Account → itself: start the append of the gateway reports staged so far (AccountActor.Journaling.cs).</summary>
public sealed record FlushJournal
{
    public static readonly FlushJournal Instance = new();

    private FlushJournal() { }
}

/// <summary>A child (risk or position) asks the account for its full state after (re)starting.</summary>
public sealed record RequestSync(string Child);

/// <summary>A child is synced and healthy again.</summary>
public sealed record ChildReady(string Child);

/// <summary>The supervisor strategy tells the account that a child failed (before restarting it).</summary>
public sealed record ChildFailed(PID Child, Exception Reason, object? Message);

/// <summary>Account → position: one fill applied, the position after it, and the bracket to arm (if the order had one).</summary>
public sealed record PositionFill(Fill Fill, decimal QuantityAfter, ProtectiveLevels? Bracket);

/// <summary>Account → position: the complete positions and brackets (after a restart, or on activation).</summary>
public sealed record PositionSync(IReadOnlyList<PositionSeed> Positions);

/// <summary>One position as the account knows it, for a position child that starts over.</summary>
public sealed record PositionSeed(PositionKey Key, decimal Quantity, decimal AveragePrice, decimal LastPrice, ProtectiveLevels? Bracket);

/// <summary>Stop-loss, take-profit and trailing distance of an order, with the price they refer to.</summary>
public sealed record ProtectiveLevels(decimal? StopLoss, decimal? TakeProfit, decimal? TrailingStop, decimal ReferencePrice);

/// <summary>Account → strategy: a fill of one of its orders (OnFill) and/or the account's new net position in a symbol.</summary>
public sealed record StrategyPosition(SymbolId Symbol, decimal NetQuantity, Fill? Fill);

/// <summary>Account → strategy: the account's min reward:risk changed.</summary>
public sealed record StrategyLimits(decimal MinRewardRisk);

/// <summary>Account → strategy: an external signal (SendSignal / webhook); ReplyTo gets the OrderAck or CommandFailed.</summary>
public sealed record DeliverSignal(ExternalSignal Signal, PID? ReplyTo);

/// <summary>Timer → account: push the portfolio to subscribers if it changed.</summary>
public sealed record PublishPortfolio
{
    public static PublishPortfolio Instance { get; } = new();
}

/// <summary>Timer → position: check the auto square-off time.</summary>
public sealed record CheckSquareOff
{
    public static CheckSquareOff Instance { get; } = new();
}
