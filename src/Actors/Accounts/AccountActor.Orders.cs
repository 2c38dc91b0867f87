using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Events.V1;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Accounts;

/// <summary>New orders: API requests and intents go through risk; approved ones are journaled, acknowledged, then sent to the gateway.</summary>
public sealed partial class AccountActor
{
    private readonly Dictionary<ClientOrderId, List<PID>> _inflight = new();
    private readonly List<ClientOrderId> _released = new();
    private long _exitSequence;

    private Task Place(IContext context, PlaceOrderRequest m)
    {
        if (PlaceOrderRequestParser.TryParse(m, _services.Options.Instruments, out var request) is { } problem)
            return Reply(context, context.Sender, Failures.FromValidation(problem, "quantity", PlaceOrderRequest.Descriptor));
        return Submit(context, request!, context.Sender);
    }

    /// <summary>Answers duplicates at once, otherwise asks risk (the answer comes back as <see cref="RiskEvaluated"/>).</summary>
    private Task Submit(IContext context, OrderRequest request, PID? replyTo, bool bypassRisk = false)
    {
        if (_awaitingDurable is not null && _awaitingDurable.TryGetValue(request.ClientOrderId, out var journaling))
        {
            if (replyTo is not null) journaling.Add(replyTo);   // decided, not durable yet: the same answer once it is
            return Task.CompletedTask;
        }
        if (_state.Orders.TryGet(request.ClientOrderId, out var existing)) return Reply(context, replyTo, existing.ToAck());
        if (_state.IsSettledClientId(request.ClientOrderId))
            return Reply(context, replyTo, Failures.AlreadyExists($"client_order_id {request.ClientOrderId} was already used", "client_order_id"));
        if (_inflight.TryGetValue(request.ClientOrderId, out var waiting))
        {
            if (replyTo is not null) waiting.Add(replyTo);
            return Task.CompletedTask;
        }
        if (Blocked || _risk is null)
            return Reply(context, replyTo, Failures.Unavailable($"account {_id}: {(_riskHealthy ? "position" : "risk")} is restarting; no new orders until it is healthy"));
        _inflight[request.ClientOrderId] = replyTo is null ? [] : [replyTo];
        context.Send(_risk, new EvaluateOrder(request, null, bypassRisk));
        return Task.CompletedTask;
    }

    private Task OnIntent(IContext context, SubmitIntent m)
    {
        if (!_state.Exists) return Task.CompletedTask;
        var cid = new ClientOrderId($"x-{m.Source}-{_state.LastSeq}-{++_exitSequence}");
        return Submit(context, m.Intent.ToRequest(_id, cid, "exit:" + m.Source), null);
    }

    /// <summary>
    /// Risk decided: the decision is staged (applied now, so risk and the next command see it) and answered, sent to the
    /// gateway and published only once it is durable (AccountActor.Journaling.cs); the mailbox does not wait for the commit.
    /// </summary>
    private Task OnRiskEvaluated(IContext context, RiskEvaluated m)
    {
        var request = m.Request;
        var replies = TakeReplies(request.ClientOrderId, m.ReplyTo);
        if (_state.Orders.TryGet(request.ClientOrderId, out var existing))
        {
            Release(request.ClientOrderId);
            if (_awaitingDurable is not null && _awaitingDurable.TryGetValue(request.ClientOrderId, out var journaling)) journaling.AddRange(replies ?? []);
            else ReplyAll(context, replies, existing.ToAck());
            return Task.CompletedTask;
        }
        var events = new List<AccountEvent>(2);
        var id = NextOrderId();
        var decision = m.Decision;
        if (decision.Approved)
            events.Add(With(e => e.OrderAccepted = AccountEvents.Accepted(id, request with { Quantity = decision.Quantity })));
        else
            events.Add(With(e => e.OrderDenied = AccountEvents.Denied(id, request, decision.Denial!.Reason, decision.Denial.Message)));
        if (decision.NewState is { } state && state != _state.State)
            events.Add(With(e => e.TradingStateChanged = new Events.V1.TradingStateChanged { State = state, Reason = decision.Denial?.Message ?? "risk" }));
        var cid = request.ClientOrderId;
        (_awaitingDurable ??= new Dictionary<ClientOrderId, List<PID>>())[cid] = replies ?? [];
        var staged = Stage(context, events);
        _state.Orders.TryGet(id, out var order);
        var stateChanged = events.Count > 1;
        Release(cid);
        SendView(context);
        staged.OnDurable = c =>
        {
            _awaitingDurable.Remove(cid, out var waiting);
            ReplyAll(c, waiting, order.ToAck());
            if (order.Status == OrderStatus.Accepted) SendToGateway(c, order, m.TickArrivedAt);
            PublishOrder(c, order, null);
            if (stateChanged) PublishStateChange(c);
        };
        staged.OnFailed = c =>
        {
            _awaitingDurable.Remove(cid, out var waiting);
            ReplyAll(c, waiting, Failures.Unavailable($"journal unavailable: order {cid} was not accepted"));
        };
        return Task.CompletedTask;
    }

    private void SendToGateway(IContext context, OrderState order, long tickArrivedAt = 0)
    {
        var brokerOrder = BrokerOrder.From(order) with { ClientOrderId = GatewayRouting.BrokerClientId(_id, order.OrderId) };
        _services.Cluster.Send(TradingCore.GatewayIdentity(_services.Options.DefaultGateway), new SubmitOrder(_id, order.OrderId, brokerOrder, tickArrivedAt));
    }

    private List<PID>? TakeReplies(ClientOrderId id, PID? replyTo)
    {
        _inflight.Remove(id, out var replies);
        if (replyTo is not null) (replies ??= []).Add(replyTo);
        return replies;
    }

    private static void ReplyAll(IContext context, List<PID>? replies, object message)
    {
        if (replies is null) return;
        foreach (var r in replies) context.Send(r, message);
    }

    private void Release(ClientOrderId id) => _released.Add(id);

    private AccountEvent With(Action<AccountEvent> set)
    {
        var e = AccountEvents.At(Now);
        set(e);
        return e;
    }

    /// <summary>Places an order that bypasses the limits (kill-switch flatten): it is still journaled before it is sent.</summary>
    private async Task<OrderState?> PlaceDirectAsync(IContext context, OrderIntent intent, string source)
    {
        var cid = new ClientOrderId($"x-{source}-{_state.LastSeq}-{++_exitSequence}");
        var request = intent.ToRequest(_id, cid, "exit:" + source);
        var id = NextOrderId();
        if (!await PersistAsync(context, [With(e => e.OrderAccepted = AccountEvents.Accepted(id, request))]).ConfigureAwait(false)) return null;
        _state.Orders.TryGet(id, out var order);
        SendToGateway(context, order);
        PublishOrder(context, order, null);
        return order;
    }
}
