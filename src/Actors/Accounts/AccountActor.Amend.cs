using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Events.V1;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Accounts;

/// <summary>
/// Modify and cancel. A modification is validated, checked by risk (<see cref="EvaluateModify"/> → <see cref="ModifyEvaluated"/>),
/// re-validated against the order as it is then (a fill or cancel may have come in between), journaled, acknowledged
/// and sent to the broker; a risk denial is answered with an <c>OrderAck</c> carrying the denial reason and the numbers
/// (the order itself is unchanged). A cancel request is journaled (<c>OrderCancelRequested</c>) before it is
/// acknowledged or sent: after recovery the account knows it and sends it again.
/// </summary>
public sealed partial class AccountActor
{
    private Dictionary<long, EvaluateModify>? _modifying;   // created with the first modification
    private long _modifySequence;

    private async Task ModifyAsync(IContext context, ModifyOrderRequest m)
    {
        if (!OrderId.TryParse(m.OrderId, out var id) || !_state.Orders.TryGet(id, out var order))
            { await Reply(context, context.Sender, Failures.NotFound($"order '{m.OrderId}' not found", "order_id")); return; }
        decimal? quantity = null, limit = null, stop = null;
        foreach (var (value, field) in new[] { (m.Quantity, "quantity"), (m.LimitPrice, "limit_price"), (m.StopPrice, "stop_price") })
        {
            if (ProtoDecimal.TryFromProto(value, out var v) is { } e) { await Reply(context, context.Sender, Failures.Invalid(field, e)); return; }
            if (v == 0) continue;
            if (field == "quantity") quantity = v; else if (field == "limit_price") limit = v; else stop = v;
        }
        if (quantity is null && limit is null && stop is null)
            { await Reply(context, context.Sender, Failures.Invalid("quantity", "nothing to modify: set quantity, limit_price or stop_price")); return; }
        if (_services.Options.Instruments.TryGet(order.Symbol, out var spec))
        {
            var problem = (quantity is { } q ? spec.ValidateQuantity(q) : null)
                ?? (limit is { } l ? spec.ValidatePrice(l, "limit_price") : null)
                ?? (stop is { } s ? spec.ValidatePrice(s, "stop_price") : null);
            if (problem is not null) { await Reply(context, context.Sender, Failures.FromValidation(problem, "quantity", ModifyOrderRequest.Descriptor)); return; }
        }
        var check = OrderStateMachine.Modify(order, quantity, limit, stop, Now);
        if (!check.Succeeded) { await Reply(context, context.Sender, Failures.Precondition(check.Error ?? "order cannot be modified", "order_id")); return; }
        if (Blocked || _risk is null)
            { await Reply(context, context.Sender, Failures.Unavailable($"account {_id}: {(_riskHealthy ? "position" : "risk")} is restarting; the order was not modified")); return; }
        var after = check.State!;
        var current = RequestOf(order);
        var evaluate = new EvaluateModify(++_modifySequence, id, quantity, limit, stop, current, order.RemainingQuantity,
            RequestOf(after) with { Quantity = after.RemainingQuantity }, context.Sender);
        (_modifying ??= new Dictionary<long, EvaluateModify>())[evaluate.Token] = evaluate;
        context.Send(_risk, evaluate);
    }

    private static OrderRequest RequestOf(OrderState o) => o.Request with { Quantity = o.Quantity, LimitPrice = o.LimitPrice, StopPrice = o.StopPrice };

    private async Task OnModifyEvaluatedAsync(IContext context, ModifyEvaluated m)
    {
        var request = m.Request;
        var known = _modifying?.Remove(request.Token) ?? false;
        if (m.Decision is not { } decision || !known)
        {
            Release(request.Current.ClientOrderId);
            if (known) await Reply(context, request.ReplyTo, Failures.Unavailable($"risk cannot check the modification now ({m.Unavailable}); the order was not modified"));
            return;
        }
        if (!_state.Orders.TryGet(request.OrderId, out var order)) return;
        if (!decision.Approved)
        {
            var ack = Ack(order, decision.Denial!.Message);
            ack.DenialReason = decision.Denial.Reason;
            await Reply(context, request.ReplyTo, ack);
            return;
        }
        // The order may have filled, been canceled or got a cancel request while risk was checking.
        var check = OrderStateMachine.Modify(order, request.Quantity, request.LimitPrice, request.StopPrice, Now);
        if (!check.Succeeded)
        {
            Release(order.ClientOrderId);
            SendView(context);
            await Reply(context, request.ReplyTo, Failures.Precondition(check.Error ?? "order cannot be modified", "order_id"));
            return;
        }
        var modified = new OrderModified
        {
            OrderId = order.OrderId.Value, Quantity = AccountEvents.Opt(request.Quantity), LimitPrice = AccountEvents.Opt(request.LimitPrice),
            StopPrice = AccountEvents.Opt(request.StopPrice),
        };
        var persisted = await PersistAsync(context, [With(e => e.OrderModified = modified)]).ConfigureAwait(false);
        Release(order.ClientOrderId);
        if (!persisted)
        {
            SendView(context);
            await Reply(context, request.ReplyTo, Failures.Unavailable("journal unavailable: the order was not modified"));
            return;
        }
        _state.Orders.TryGet(order.OrderId, out var now);
        _services.Cluster.Send(TradingCore.GatewayIdentity(GatewayOf(now.OrderId)),
            new ModifyBrokerOrder(_id, now.OrderId, BrokerIdOf(now.OrderId), new OrderModification(request.Quantity, request.LimitPrice, request.StopPrice)));
        PublishOrder(context, now, null);
        SendView(context);
        await Reply(context, request.ReplyTo, Ack(now, "modify sent to the broker"));
    }

    /// <summary>Risk failed: the modifications it was checking are answered UNAVAILABLE (nothing was changed).</summary>
    private void FailModifies(IContext context, string reason)
    {
        if (_modifying is null) return;
        foreach (var pending in _modifying.Values)
            if (pending.ReplyTo is { } to) context.Send(to, Failures.Unavailable($"risk failed while checking the modification of {pending.OrderId}: {reason}; the order was not modified"));
        _modifying.Clear();
    }

    private async Task CancelAsync(IContext context, CancelOrderRequest m)
    {
        if (!OrderId.TryParse(m.OrderId, out var id) || !_state.Orders.TryGet(id, out var order))
            { await Reply(context, context.Sender, Failures.NotFound($"order '{m.OrderId}' not found", "order_id")); return; }
        if (!order.IsActive) { await Reply(context, context.Sender, Failures.Precondition($"order {id} is {order.Status}: nothing to cancel", "order_id")); return; }
        if (order.CancelRequested) { await Reply(context, context.Sender, Ack(order, "cancel already requested")); return; }
        if (!await RequestCancelsAsync(context, [order], "canceled by request").ConfigureAwait(false))
            { await Reply(context, context.Sender, Failures.Unavailable("journal unavailable: the cancel was not requested")); return; }
        _state.Orders.TryGet(id, out var now);
        await Reply(context, context.Sender, Ack(now, "cancel requested"));
    }

    private async Task CancelAllAsync(IContext context)
    {
        var orders = _state.Active.Values.Where(o => !o.CancelRequested).ToList();
        if (!await RequestCancelsAsync(context, orders, "cancel all").ConfigureAwait(false))
            { await Reply(context, context.Sender, Failures.Unavailable("journal unavailable: no cancel was requested")); return; }
        var response = new CancelAllOrdersResponse();
        foreach (var o in orders) response.CanceledOrderIds.Add(o.OrderId.Value);
        await Reply(context, context.Sender, response);
    }

    /// <summary>Journals one cancel request per order (one append), then sends the cancels to the gateways. False: journal down.</summary>
    private async Task<bool> RequestCancelsAsync(IContext context, IReadOnlyList<OrderState> orders, string reason)
    {
        if (orders.Count == 0) return true;
        var events = new List<AccountEvent>(orders.Count);
        foreach (var o in orders) events.Add(With(e => e.OrderCancelRequested = new OrderCancelRequested { OrderId = o.OrderId.Value, Reason = reason }));
        if (!await PersistAsync(context, events).ConfigureAwait(false)) return false;
        foreach (var o in orders)
        {
            SendCancel(o.OrderId);
            if (_state.Orders.TryGet(o.OrderId, out var now)) PublishOrder(context, now, null);
        }
        return true;
    }

    private void SendCancel(OrderId id) =>
        _services.Cluster.Send(TradingCore.GatewayIdentity(GatewayOf(id)), new CancelBrokerOrder(_id, id, BrokerIdOf(id)));

    /// <summary>After recovery: the journaled cancel requests the broker has not confirmed are sent again (idempotent at the gateway).</summary>
    private void ResendPendingCancels()
    {
        foreach (var o in _state.Active.Values)
            if (o.CancelRequested) SendCancel(o.OrderId);
    }
}
