using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Model;

/// <summary>
/// The orders of one account (the OMS state the account actor owns). Assigns order ids
/// ("O" + sequence) and is idempotent by client order id: submitting (or denying) the same client
/// order id twice returns the first order. Not thread-safe: one actor owns it.
/// </summary>
public sealed class OrderBook
{
    private readonly Dictionary<ClientOrderId, OrderState> _byClientId = new();
    private Dictionary<OrderId, ClientOrderId>? _clientIdByOrderId;   // created with the first order
    private long _sequence;

    public OrderBook(AccountId account, long lastSequence = 0)
    {
        Account = account;
        _sequence = lastSequence;
    }

    public AccountId Account { get; }
    public long LastSequence => _sequence;
    public int Count => _byClientId.Count;

    public bool TryGet(ClientOrderId clientOrderId, out OrderState order) => _byClientId.TryGetValue(clientOrderId, out order!);

    public bool TryGet(OrderId orderId, out OrderState order)
    {
        if (_clientIdByOrderId is not null && _clientIdByOrderId.TryGetValue(orderId, out var cid)) return _byClientId.TryGetValue(cid, out order!);
        order = null!;
        return false;
    }

    /// <summary>Accepts a new order, or returns the existing one for the same client order id (IsDuplicate).</summary>
    public OrderSubmission Accept(OrderRequest request, DateTimeOffset now)
    {
        if (Existing(request) is { } existing) return new OrderSubmission(existing, true);
        return new OrderSubmission(Add(OrderStateMachine.Accept(request, NextId(), now)), false);
    }

    /// <summary>Records a risk denial (status DENIED) under a new order id; idempotent like <see cref="Accept"/>.</summary>
    public OrderSubmission Deny(OrderRequest request, DenialReason reason, string message, DateTimeOffset now)
    {
        if (Existing(request) is { } existing) return new OrderSubmission(existing, true);
        return new OrderSubmission(Add(OrderStateMachine.Deny(request, NextId(), reason, message, now)), false);
    }

    /// <summary>Restores an order from the journal (recovery); the sequence is advanced past its id.</summary>
    public void Restore(OrderState order, long sequence)
    {
        Add(order);
        if (sequence > _sequence) _sequence = sequence;
    }

    public OrderTransition Open(OrderId id, DateTimeOffset now) => Apply(id, static (s, a) => OrderStateMachine.Open(s, a.now), (now, 0m, 0m));

    public OrderTransition Fill(OrderId id, decimal quantity, decimal price, DateTimeOffset now) =>
        Apply(id, static (s, a) => OrderStateMachine.Fill(s, a.q, a.p, a.now), (now, quantity, price));

    /// <summary>A journaled broker fill (<see cref="OrderStateMachine.FillReported"/>): <paramref name="complete"/> = the order is done.</summary>
    public OrderTransition FillReported(OrderId id, decimal quantity, decimal price, DateTimeOffset now, bool complete) => complete
        ? Apply(id, static (s, a) => OrderStateMachine.FillReported(s, a.q, a.p, a.now, true), (now, quantity, price))
        : Apply(id, static (s, a) => OrderStateMachine.FillReported(s, a.q, a.p, a.now, false), (now, quantity, price));

    public OrderTransition RequestCancel(OrderId id, DateTimeOffset now) => Apply(id, static (s, a) => OrderStateMachine.RequestCancel(s, a.now), (now, 0m, 0m));

    public OrderTransition ConfirmCancel(OrderId id, DateTimeOffset now) => Apply(id, static (s, a) => OrderStateMachine.ConfirmCancel(s, a.now), (now, 0m, 0m));

    public OrderTransition Expire(OrderId id, DateTimeOffset now) => Apply(id, static (s, a) => OrderStateMachine.Expire(s, a.now), (now, 0m, 0m));

    public OrderTransition Reject(OrderId id, string message, DateTimeOffset now)
    {
        if (!TryGet(id, out var s)) return Unknown(id);
        return Store(OrderStateMachine.Reject(s, message, now));
    }

    public OrderTransition Modify(OrderId id, decimal? quantity, decimal? limitPrice, decimal? stopPrice, DateTimeOffset now)
    {
        if (!TryGet(id, out var s)) return Unknown(id);
        return Store(OrderStateMachine.Modify(s, quantity, limitPrice, stopPrice, now));
    }

    /// <summary>Orders that can still fill (ACCEPTED, OPEN, PARTIALLY_FILLED).</summary>
    public IEnumerable<OrderState> OpenOrders()
    {
        foreach (var o in _byClientId.Values) if (o.IsActive) yield return o;
    }

    public IEnumerable<OrderState> All() => _byClientId.Values;

    private OrderTransition Apply(OrderId id, Func<OrderState, (DateTimeOffset now, decimal q, decimal p), OrderTransition> step,
        (DateTimeOffset now, decimal q, decimal p) args)
    {
        if (!TryGet(id, out var s)) return Unknown(id);
        return Store(step(s, args));
    }

    private OrderTransition Store(OrderTransition t)
    {
        if (t.Succeeded) _byClientId[t.State.ClientOrderId] = t.State;
        return t;
    }

    private OrderState? Existing(OrderRequest request)
    {
        if (request.Account != Account)
            ThrowHelper.Argument(nameof(request), $"order for account {request.Account} given to the order book of {Account}");
        return _byClientId.GetValueOrDefault(request.ClientOrderId);
    }

    private OrderState Add(OrderState order)
    {
        _byClientId.Add(order.ClientOrderId, order);
        (_clientIdByOrderId ??= new Dictionary<OrderId, ClientOrderId>()).Add(order.OrderId, order.ClientOrderId);
        return order;
    }

    private OrderId NextId() => new("O" + (++_sequence).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static OrderTransition Unknown(OrderId id) =>
        new(false, null!, $"unknown order {id}");
}
