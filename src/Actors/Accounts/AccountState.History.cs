using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Accounts;

/// <summary>
/// How much of the account's history is in memory. A snapshot keeps only open orders and no trades, and at most
/// <see cref="TradesKept"/> trades are kept: what is older lives in the read models (IReadModelStore), which the account
/// asks for it. Orders and trades are keyed by the seq of the event that created them (order id "O" + seq; the seq of the
/// OrderFilled event), the same key the read models sort and page by.
/// </summary>
public sealed partial class AccountState
{
    // Seq of each trade in Trades, in the same order (kept beside it so the trade list keeps its shape for its readers).
    private LinkedList<long>? _tradeSeqs;

    /// <summary>Orders created at or before this seq may be missing from <see cref="Orders"/> (0: memory has every order).</summary>
    public long OrdersFloor { get; private set; }

    /// <summary>Trades journaled at or before this seq may be missing from <see cref="Trades"/> (0: memory has every trade).</summary>
    public long TradesFloor { get; private set; }

    private void AddTrade(Trade trade)
    {
        Trades.AddLast(trade);
        (_tradeSeqs ??= new()).AddLast(LastSeq);
        if (Trades.Count <= TradesKept) return;
        Trades.RemoveFirst();
        TradesFloor = Math.Max(TradesFloor, _tradeSeqs.First!.Value);
        _tradeSeqs.RemoveFirst();
    }

    /// <summary>Orders in memory with <paramref name="floor"/> &lt; seq &lt; <paramref name="before"/>, newest first.</summary>
    public IEnumerable<(long Seq, OrderState Order)> OrdersNewestFirst(long floor, long before, bool openOnly) =>
        Orders.All().Select(o => (Seq: SequenceOf(o.OrderId), Order: o))
            .Where(x => x.Seq > floor && x.Seq < before && (!openOnly || x.Order.IsActive))
            .OrderByDescending(x => x.Seq);

    /// <summary>Trades in memory with <paramref name="floor"/> &lt; seq &lt; <paramref name="before"/>, newest first.</summary>
    public IEnumerable<(long Seq, Trade Trade)> TradesNewestFirst(long floor, long before)
    {
        if (_trades is null || _tradeSeqs is null) yield break;
        var t = _trades.Last;
        var s = _tradeSeqs.Last;
        for (; t is not null && s is not null; t = t.Previous, s = s.Previous)
        {
            if (s.Value >= before) continue;
            if (s.Value <= floor) yield break;
            yield return (s.Value, t.Value);
        }
    }
}
