using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Accounts;

/// <summary>
/// Account → position: what the position child needs to tell, from its own ticks, when the account's daily-loss rule
/// could trip, so it does not have to send the account a mark on every tick. <see cref="Headroom"/> is how far the
/// account's day P&amp;L may still fall at the account's current marks before the limit is reached (null: the rule is
/// not armed — the account is not ACTIVE or has no limit). <see cref="Positions"/> are the account's open positions with
/// the price each is valued at (its mark, or its average price while unmarked). Marking the account at prices p moves
/// its day P&amp;L by Σ quantity·(p − mark), whatever marks arrive in between, so the watch stays exact until the
/// account's positions, limits, state or day change — and the account sends a new one whenever they do.
/// <see cref="EveryTick"/>: the account streams portfolio snapshots to subscribers and wants a mark per tick (as before),
/// so every price move reaches them at the next push.
/// </summary>
public sealed record LossWatch(decimal? Headroom, IReadOnlyList<WatchedPosition> Positions, bool EveryTick = false);

/// <summary>One open position of a <see cref="LossWatch"/>: its quantity and the price the account values it at.</summary>
public readonly record struct WatchedPosition(SymbolId Symbol, decimal Quantity, decimal Mark);
