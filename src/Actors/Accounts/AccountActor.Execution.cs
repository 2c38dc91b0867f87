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

    private static Api.V1.OrderAck Ack(OrderState order, string message)
    {
        var ack = order.ToAck();
        ack.Message = message;
        return ack;
    }

    private string GatewayOf(OrderId id) => _state.BrokerIds.TryGetValue(id, out var b) ? b.Gateway : _services.Options.DefaultGateway;

    private string? BrokerIdOf(OrderId id) => _state.BrokerIds.TryGetValue(id, out var b) && b.BrokerOrderId.Length > 0 ? b.BrokerOrderId : null;
}
