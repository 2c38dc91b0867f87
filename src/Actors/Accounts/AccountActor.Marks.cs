using ActorTrading.Actors.Model;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Accounts;

/// <summary>
/// Marks without a message per tick. The position child sends <see cref="PositionMarked"/> only at most once per
/// portfolio interval per symbol, or at once when the daily-loss rule would trip; it judges that from the
/// <see cref="LossWatch"/> the account sends with every view (and after a mark when the journal moved since the last
/// watch). Queries, portfolio pushes and views first re-mark the positions at this node's last ticks
/// (<see cref="Symbols.TickBoard"/>), so what they show is as fresh as with a mark per tick. While someone streams
/// the portfolio, the watch asks for a mark per tick (every move must trigger a push, as before).
/// </summary>
public sealed partial class AccountActor
{
    private long _watchSeq = -1;   // the journal sequence the position child's watch was built at

    private void SendLossWatch(IContext context)
    {
        if (_position is null || !_state.Exists) return;
        _watchSeq = _state.LastSeq;
        context.Send(_position, BuildLossWatch());
    }

    /// <summary>The daily-loss rule as the position child can apply it: headroom = limit + day P&amp;L (the rule trips at
    /// day P&amp;L ≤ −limit, see <see cref="DailyLossBreached"/>), and each open position's quantity and valuation price.</summary>
    internal LossWatch BuildLossWatch()
    {
        decimal? headroom = null;
        if (_state.State == Api.V1.TradingState.Active)
        {
            var limit = _state.StartOfDayEquity * _state.Limits.MaxDailyLossPercent / 100m;
            if (limit > 0) headroom = limit + _state.Positions.DayPnl;
        }
        List<WatchedPosition>? positions = null;
        foreach (var p in _state.Positions.All)
            if (!p.IsFlat) (positions ??= new List<WatchedPosition>()).Add(new WatchedPosition(p.Key.Symbol, p.Quantity, p.LastPrice == 0 ? p.AveragePrice : p.LastPrice));
        var streaming = false;
        foreach (var what in Subscribers.Values) streaming |= what.Portfolio;
        return new LossWatch(headroom, positions ?? (IReadOnlyList<WatchedPosition>)[], streaming);
    }

    /// <summary>Marks the open positions at this node's last ticks (marks from the position child lag by up to an interval).</summary>
    private void RefreshMarks()
    {
        var board = _services.Ticks;
        foreach (var p in _state.Positions.All)
            if (!p.IsFlat && board.TryGetLast(p.Key.Symbol, out var tick) && tick.Last != p.LastPrice) _state.Mark(p.Key.Symbol, tick.Last);
    }
}
