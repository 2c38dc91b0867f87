using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Events.V1;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Accounts;

/// <summary>What comes back from the gateway: acknowledgements, fills, cancels, rejections; and modify/cancel requests.</summary>
public sealed partial class AccountActor
{
    private async Task OnGatewayReportAsync(IContext context, GatewayReport m)
    {
        if (!_state.Exists || !_state.Orders.TryGet(m.OrderId, out var order)) return;
        var events = new List<AccountEvent>(2);
        if (m.BrokerOrderId is { } brokerId && !(_state.BrokerIds.TryGetValue(m.OrderId, out var known) && known.BrokerOrderId == brokerId))
            events.Add(With(e => e.OrderSubmitted = new OrderSubmitted { OrderId = m.OrderId.Value, GatewayId = m.GatewayId, BrokerOrderId = brokerId }));
        if (m.Execution is { } r) AddExecution(events, order, r, m.GatewayId);
        if (m.FailureCode is { } code && m.Kind == GatewayCommandKind.New && order.IsActive)
            events.Add(With(e => e.OrderRejected = new OrderRejected { OrderId = m.OrderId.Value, BrokerCode = code, BrokerReason = m.FailureMessage ?? code }));
        if (events.Count == 0) return;
        var wasActive = order.IsActive;
        if (!await PersistAsync(context, events).ConfigureAwait(false))
        {
            // The broker's news cannot be lost: stop, recover from the journal and reconcile with the broker on activation.
            context.Stop(context.Self);
            return;
        }
        _state.Orders.TryGet(m.OrderId, out var now);
        Fill? fill = null;
        if (m.Execution is { IsFill: true } x && _state.Trades.Last?.Value is { } trade && trade.OrderId == m.OrderId.Value)
        {
            fill = new Fill(trade.TradeId, now.OrderId, now.Symbol, now.Side, now.Request.Product, x.LastQuantity, x.LastPrice, x.Fees, x.Time);
            OnFilled(context, now, fill);
        }
        PublishOrder(context, now, fill);
        if (wasActive && !now.IsActive) Release(now.ClientOrderId);
        SendView(context);
    }

    private void AddExecution(List<AccountEvent> events, OrderState order, ExecutionReport r, string gatewayId)
    {
        var id = order.OrderId.Value;
        if (r.IsFill)
        {
            if (r.FilledQuantity > 0 && r.FilledQuantity <= order.FilledQuantity) return;   // seen already (a poll and a reconciliation both report it)
            var tradeId = r.TradeId ?? $"{r.BrokerOrderId}-{r.FilledQuantity}";
            events.Add(With(e => e.OrderFilled = AccountEvents.Filled(_state, order, tradeId, r.LastQuantity, r.LastPrice, r.Fees, r.Time)));
            return;
        }
        switch (r.Status)
        {
            case OrderStatus.Open when order.Status == OrderStatus.Accepted && events.Count == 0:
                events.Add(With(e => e.OrderSubmitted = new OrderSubmitted { OrderId = id, GatewayId = gatewayId, BrokerOrderId = r.BrokerOrderId }));
                break;
            case OrderStatus.Canceled when order.IsActive:
                events.Add(With(e => e.OrderCanceled = new OrderCanceled { OrderId = id, Reason = r.Message }));
                break;
            case OrderStatus.Rejected when order.IsActive:
                events.Add(With(e => e.OrderRejected = new OrderRejected { OrderId = id, BrokerReason = r.Message }));
                break;
            case OrderStatus.Expired when order.IsActive:
                events.Add(With(e => e.OrderExpired = new OrderExpired { OrderId = id }));
                break;
        }
    }

    private void OnFilled(IContext context, OrderState order, Fill fill)
    {
        _state.TryGetPosition(fill.Symbol, fill.Product, out var position);
        var bracket = _state.Brackets.GetValueOrDefault(new PositionKey(fill.Symbol, fill.Product));
        if (_position is not null) context.Send(_position, new PositionFill(fill, position?.Quantity ?? 0, bracket));
        var net = _state.Positions.NetQuantity(fill.Symbol);
        foreach (var (name, pid) in _strategies)
            context.Send(pid, new StrategyPosition(fill.Symbol, net, order.Request.Strategy == name ? fill : null));
        _portfolioDirty = true;
    }

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
        if (quantity is { } q && _services.Options.Instruments.TryGet(order.Symbol, out var spec) && spec.ValidateQuantity(q) is { } qe)
            { await Reply(context, context.Sender, Failures.Invalid("quantity", qe)); return; }
        var check = OrderStateMachine.Modify(order, quantity, limit, stop, Now);
        if (!check.Succeeded) { await Reply(context, context.Sender, Failures.Precondition(check.Error ?? "order cannot be modified", "order_id")); return; }
        var modified = new OrderModified { OrderId = id.Value, Quantity = AccountEvents.Opt(quantity), LimitPrice = AccountEvents.Opt(limit), StopPrice = AccountEvents.Opt(stop) };
        if (!await PersistAsync(context, [With(e => e.OrderModified = modified)]).ConfigureAwait(false))
            { await Reply(context, context.Sender, Failures.Unavailable("journal unavailable: the order was not modified")); return; }
        _state.Orders.TryGet(id, out var now);
        _services.Cluster.Send(TradingCore.GatewayIdentity(GatewayOf(id)),
            new ModifyBrokerOrder(_id, id, BrokerIdOf(id), new OrderModification(quantity, limit, stop)));
        PublishOrder(context, now, null);
        SendView(context);
        await Reply(context, context.Sender, Ack(now, "modify sent to the broker"));
    }

    private Task Cancel(IContext context, CancelOrderRequest m)
    {
        if (!OrderId.TryParse(m.OrderId, out var id) || !_state.Orders.TryGet(id, out var order))
            return Reply(context, context.Sender, Failures.NotFound($"order '{m.OrderId}' not found", "order_id"));
        if (!order.IsActive) return Reply(context, context.Sender, Failures.Precondition($"order {id} is {order.Status}: nothing to cancel", "order_id"));
        RequestCancel(order);
        return Reply(context, context.Sender, Ack(order, "cancel requested"));
    }

    private void RequestCancel(OrderState order)
    {
        var t = _state.Orders.RequestCancel(order.OrderId, Now);
        if (t.Succeeded) _state.Active[order.OrderId] = t.State;
        _services.Cluster.Send(TradingCore.GatewayIdentity(GatewayOf(order.OrderId)), new CancelBrokerOrder(_id, order.OrderId, BrokerIdOf(order.OrderId)));
    }

    private Task CancelAll(IContext context)
    {
        var response = new CancelAllOrdersResponse();
        foreach (var o in _state.Active.Values.ToArray())
        {
            if (o.CancelRequested) continue;
            RequestCancel(o);
            response.CanceledOrderIds.Add(o.OrderId.Value);
        }
        return Reply(context, context.Sender, response);
    }

    private static Api.V1.OrderAck Ack(OrderState order, string message)
    {
        var ack = order.ToAck();
        ack.Message = message;
        return ack;
    }

    private string GatewayOf(OrderId id) => _state.BrokerIds.TryGetValue(id, out var b) ? b.Gateway : _services.Options.DefaultGateway;

    private string? BrokerIdOf(OrderId id) => _state.BrokerIds.TryGetValue(id, out var b) && b.BrokerOrderId.Length > 0 ? b.BrokerOrderId : null;
}
