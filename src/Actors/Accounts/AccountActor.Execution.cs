using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Events.V1;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Accounts;

/// <summary>What comes back from the gateway: acknowledgements, fills, cancels, rejections.</summary>
public sealed partial class AccountActor
{
    /// <summary>
    /// A report is staged like a new order (AccountActor.Journaling.cs): applied now, its fill and order event go out once
    /// durable. Its append starts at the account's next FlushJournal, so the reports of one burst (acknowledgement and
    /// fill) share one append. A failed append stops the account; the next activation recovers and reconciles with the broker.
    /// </summary>
    private Task OnGatewayReport(IContext context, GatewayReport m)
    {
        if (!_state.Exists || !_state.Orders.TryGet(m.OrderId, out var order)) return Task.CompletedTask;
        var events = new List<AccountEvent>(2);
        if (m.BrokerOrderId is { } brokerId && !(_state.BrokerIds.TryGetValue(m.OrderId, out var known) && known.BrokerOrderId == brokerId))
            events.Add(With(e => e.OrderSubmitted = new OrderSubmitted { OrderId = m.OrderId.Value, GatewayId = m.GatewayId, BrokerOrderId = brokerId }));
        if (m.Execution is { } r) AddExecution(events, order, r, m.GatewayId);
        if (m.FailureCode is { } code && m.Kind == GatewayCommandKind.New && order.IsActive)
            events.Add(With(e => e.OrderRejected = new OrderRejected { OrderId = m.OrderId.Value, BrokerCode = code, BrokerReason = m.FailureMessage ?? code }));
        if (events.Count == 0) return Task.CompletedTask;
        var wasActive = order.IsActive;
        var staged = Stage(context, events, defer: true);
        _state.Orders.TryGet(m.OrderId, out var now);
        Fill? fill = null;
        Action<IContext>? notify = null;
        if (m.Execution is { IsFill: true } x && _state.Trades.Last?.Value is { } trade && trade.OrderId == m.OrderId.Value)
        {
            fill = new Fill(trade.TradeId, now.OrderId, now.Symbol, now.Side, now.Request.Product, x.LastQuantity, x.LastPrice, x.Fees, x.Time);
            notify = FillNotices(now, fill);
        }
        if (wasActive && !now.IsActive) Release(now.ClientOrderId);
        SendView(context);
        staged.OnDurable = c =>
        {
            notify?.Invoke(c);
            PublishOrder(c, now, fill);
        };
        return Task.CompletedTask;
    }

    private void AddExecution(List<AccountEvent> events, OrderState order, ExecutionReport r, string gatewayId)
    {
        var id = order.OrderId.Value;
        if (r.IsFill)
        {
            if (r.FilledQuantity > 0 && r.FilledQuantity <= order.FilledQuantity) return;   // seen already (a poll and a reconciliation both report it)
            var tradeId = r.TradeId ?? $"{r.BrokerOrderId}-{r.FilledQuantity}";
            events.Add(With(e => e.OrderFilled = AccountEvents.Filled(_state, order, tradeId, r.LastQuantity, r.LastPrice, r.Fees, r.Time, r.Status == OrderStatus.Filled)));
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

    /// <summary>What a fill tells the position actor and the strategies, as of the state now; sent once the fill is durable.</summary>
    private Action<IContext> FillNotices(OrderState order, Fill fill)
    {
        _state.TryGetPosition(fill.Symbol, fill.Product, out var position);
        var bracket = _state.Brackets.GetValueOrDefault(new PositionKey(fill.Symbol, fill.Product));
        var positionActor = _position;
        var toPosition = new PositionFill(fill, position?.Quantity ?? 0, bracket);
        var net = _state.Positions.NetQuantity(fill.Symbol);
        var toStrategies = new List<(PID, StrategyPosition)>(_strategies.Count);
        foreach (var (name, pid) in _strategies)
            toStrategies.Add((pid, new StrategyPosition(fill.Symbol, net, order.Request.Strategy == name ? fill : null)));
        return context =>
        {
            if (positionActor is not null) context.Send(positionActor, toPosition);
            foreach (var (pid, message) in toStrategies) context.Send(pid, message);
            _portfolioDirty = true;
        };
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
