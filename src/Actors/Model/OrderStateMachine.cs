using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Model;

/// <summary>
/// The order lifecycle. ACCEPTED → OPEN → PARTIALLY_FILLED → FILLED, or DENIED (risk, at birth),
/// REJECTED (broker, before any fill), CANCELED, EXPIRED. Terminal states never change.
/// Races: a fill may arrive after a cancel was requested (it is applied; the remainder is then canceled
/// when the broker confirms); a cancel or modify of a filled order is refused; a fill may arrive before
/// the OPEN acknowledgement (applied directly from ACCEPTED).
/// </summary>
public static class OrderStateMachine
{
    public static OrderState Accept(OrderRequest request, OrderId orderId, DateTimeOffset now) => new()
    {
        OrderId = orderId, Request = request, Status = OrderStatus.Accepted, Quantity = request.Quantity,
        LimitPrice = request.LimitPrice, StopPrice = request.StopPrice, Created = now, Updated = now,
    };

    public static OrderState Deny(OrderRequest request, OrderId orderId, DenialReason reason, string message, DateTimeOffset now) => new()
    {
        OrderId = orderId, Request = request, Status = OrderStatus.Denied, Quantity = request.Quantity,
        LimitPrice = request.LimitPrice, StopPrice = request.StopPrice, DenialReason = reason, Message = message,
        Created = now, Updated = now,
    };

    public static OrderTransition Open(OrderState s, DateTimeOffset now) => s.Status switch
    {
        OrderStatus.Accepted => OrderTransition.Ok(s with { Status = OrderStatus.Open, Updated = now }),
        // A late OPEN ack after fills have already moved the order on is harmless: keep the state.
        OrderStatus.Open or OrderStatus.PartiallyFilled or OrderStatus.Filled => OrderTransition.Ok(s),
        _ => Refuse(s, "open"),
    };

    /// <summary>
    /// A fill the broker reported: the broker is the truth. A fill beyond the remaining quantity (a lowering
    /// modification the broker never applied) grows the order to what was filled; <paramref name="brokerComplete"/> (the
    /// broker finished the order, e.g. at its quantity before a raise it never applied) ends it FILLED at the filled quantity.
    /// </summary>
    public static OrderTransition FillReported(OrderState s, decimal quantity, decimal price, DateTimeOffset now, bool brokerComplete)
    {
        if (!s.IsActive || quantity <= 0 || price <= 0) return Fill(s, quantity, price, now);
        var t = Fill(s with { Quantity = Math.Max(s.Quantity, s.FilledQuantity + quantity) }, quantity, price, now);
        if (t.Succeeded && brokerComplete && t.State!.Status != OrderStatus.Filled)
            return OrderTransition.Ok(t.State with { Quantity = t.State.FilledQuantity, Status = OrderStatus.Filled });
        return t;
    }

    public static OrderTransition Fill(OrderState s, decimal quantity, decimal price, DateTimeOffset now)
    {
        if (!s.IsActive) return Refuse(s, "fill");
        if (quantity <= 0) return OrderTransition.Refused(s, $"fill quantity {quantity} must be positive");
        if (price <= 0) return OrderTransition.Refused(s, $"fill price {price} must be positive");
        if (quantity > s.RemainingQuantity)
            return OrderTransition.Refused(s, $"fill of {quantity} exceeds the remaining {s.RemainingQuantity} of order {s.OrderId}");
        var filled = s.FilledQuantity + quantity;
        var average = (s.AverageFillPrice * s.FilledQuantity + price * quantity) / filled;
        var status = filled == s.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        return OrderTransition.Ok(s with { Status = status, FilledQuantity = filled, AverageFillPrice = average, Updated = now });
    }

    public static OrderTransition RequestCancel(OrderState s, DateTimeOffset now)
    {
        if (!s.IsActive) return Refuse(s, "cancel");
        if (s.CancelRequested) return OrderTransition.Ok(s);
        return OrderTransition.Ok(s with { CancelRequested = true, Updated = now });
    }

    /// <summary>The broker confirmed the cancel: the unfilled remainder is gone.</summary>
    public static OrderTransition ConfirmCancel(OrderState s, DateTimeOffset now, string message = "") => s.IsActive
        ? OrderTransition.Ok(s with { Status = OrderStatus.Canceled, CancelRequested = false, Message = message, Updated = now })
        : Refuse(s, "cancel");

    /// <summary>The broker refused the order. Only before any fill: a partly filled order can be canceled, not rejected.</summary>
    public static OrderTransition Reject(OrderState s, string message, DateTimeOffset now) =>
        s.Status is OrderStatus.Accepted or OrderStatus.Open
            ? OrderTransition.Ok(s with { Status = OrderStatus.Rejected, Message = message, Updated = now })
            : Refuse(s, "reject");

    public static OrderTransition Expire(OrderState s, DateTimeOffset now) => s.IsActive
        ? OrderTransition.Ok(s with { Status = OrderStatus.Expired, Updated = now })
        : Refuse(s, "expire");

    /// <summary>Changes quantity and/or prices of a working order. Refused once a cancel is pending or the order is done.</summary>
    public static OrderTransition Modify(OrderState s, decimal? quantity, decimal? limitPrice, decimal? stopPrice, DateTimeOffset now)
    {
        if (!s.IsActive) return Refuse(s, "modify");
        if (s.CancelRequested) return OrderTransition.Refused(s, $"cannot modify order {s.OrderId}: a cancel is pending");
        if (quantity is { } q && q <= s.FilledQuantity)
            return OrderTransition.Refused(s, $"new quantity {q} must exceed the filled quantity {s.FilledQuantity}");
        if (limitPrice is not null && s.Request.Type is not (OrderType.Limit or OrderType.StopLimit))
            return OrderTransition.Refused(s, $"limit_price cannot be set on a {s.Request.Type} order");
        if (stopPrice is not null && s.Request.Type is not (OrderType.StopLimit or OrderType.StopMarket))
            return OrderTransition.Refused(s, $"stop_price cannot be set on a {s.Request.Type} order");
        if (limitPrice <= 0 || stopPrice <= 0) return OrderTransition.Refused(s, "prices must be positive");
        return OrderTransition.Ok(s with
        {
            Quantity = quantity ?? s.Quantity, LimitPrice = limitPrice ?? s.LimitPrice, StopPrice = stopPrice ?? s.StopPrice, Updated = now,
        });
    }

    private static OrderTransition Refuse(OrderState s, string action) =>
        OrderTransition.Refused(s, $"cannot {action} order {s.OrderId}: it is {s.Status.ToString().ToUpperInvariant()}");
}
