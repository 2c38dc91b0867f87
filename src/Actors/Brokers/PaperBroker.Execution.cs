using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Brokers;

/// <summary>Activation, matching, fills and reports of the paper exchange (all called under the lock).</summary>
public sealed partial class PaperBroker
{
    private void ActivateDue()
    {
        lock (_gate)
        {
            _armed = null; // the timer fired: it is no longer set
            ActivateDueLocked(_time.GetUtcNow());
        }
    }

    /// <summary>Activates the orders whose latency has passed, in arrival order (the queue holds them by due time, then sequence).</summary>
    private void ActivateDueLocked(DateTimeOffset now)
    {
        while (NextPending() is { } o && o.ActiveAt <= now)
        {
            _pending.Dequeue();
            Activate(o, now);
        }
        ScheduleNextActivation(now);
    }

    private void ScheduleNextActivation(DateTimeOffset now)
    {
        DateTimeOffset? next = NextPending()?.ActiveAt;
        if (next == _armed) return; // already set to that time (every tick without a new order): no timer call
        _armed = next;
        _timer.Change(next is { } due ? (due > now ? due - now : TimeSpan.Zero) : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The earliest order still waiting for its latency; drops those canceled or expired meanwhile.</summary>
    private PaperOrder? NextPending()
    {
        while (_pending.TryPeek(out var o, out _))
        {
            if (o.Status == OrderStatus.Accepted) return o;
            _pending.Dequeue();
        }
        return null;
    }

    private void Activate(PaperOrder o, DateTimeOffset now)
    {
        o.Status = OrderStatus.Open;
        Report(o, 0, 0, 0, now, "open");
        Match(o, now);
        if (o.IsActive && o.Order.TimeInForce == TimeInForce.Ioc)
            Finish(o, OrderStatus.Canceled, now, $"IOC remainder {o.Remaining} canceled");
    }

    private void Match(PaperOrder o, DateTimeOffset now)
    {
        if (!_ticks.TryGetValue(o.Order.Symbol, out var tick) || PaperMatcher.ExecutablePrice(o, tick) is not { } price) return;
        _instruments.TryGet(o.Order.Symbol, out var spec);
        var available = _liquidity.GetValueOrDefault(o.Order.Symbol);
        var qty = spec!.RoundDownToLot(Math.Min(o.Remaining, available));
        if (qty <= 0) return;
        _liquidity[o.Order.Symbol] = available - (long)qty;
        var fee = PaperMatcher.Fee(_options, qty, price);
        o.AveragePrice = (o.AveragePrice * o.Filled + price * qty) / (o.Filled + qty);
        _exposure.Remove(o);
        o.Filled += qty;
        o.Fees += fee;
        o.Status = o.Remaining == 0 ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        _cash += (o.IsBuy ? -qty * price : qty * price) - fee;
        var tradeId = "PT" + (++_tradeSequence);
        _positions.Apply(new Fill(tradeId, new OrderId(o.BrokerOrderId), o.Order.Symbol, o.Order.Side, o.Order.Product, qty, price, fee, now));
        Report(o, qty, price, fee, now, o.Status == OrderStatus.Filled ? "filled" : "partially filled", tradeId);
        if (o.Status == OrderStatus.Filled) Deactivate(o);
        else _exposure.Add(o);
    }

    private void Finish(PaperOrder o, OrderStatus status, DateTimeOffset now, string message)
    {
        o.Status = status;
        if (o.ActiveNode is not null) _exposure.Remove(o);
        Deactivate(o);
        Report(o, 0, 0, 0, now, message);
    }

    /// <summary>Takes the order out of the active list (its exposure is already uncounted).</summary>
    private void Deactivate(PaperOrder o)
    {
        if (o.ActiveNode is not { } node) return;
        _active.Remove(node);
        o.ActiveNode = null;
    }

    private void Report(PaperOrder o, decimal qty, decimal price, decimal fee, DateTimeOffset now, string message, string? tradeId = null) =>
        _reports.Writer.TryWrite(new ExecutionReport(o.Order.ClientOrderId, o.BrokerOrderId, o.Status, qty, price, o.Filled, o.AveragePrice,
            fee, now, message, tradeId));
}
