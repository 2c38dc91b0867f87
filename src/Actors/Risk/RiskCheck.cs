using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// One intent under evaluation with everything the rules derive from it: instrument, reference prices,
/// whether it only reduces exposure, and the pending orders (the snapshot's open orders plus the engine's
/// reservations not yet visible in the snapshot). Rules read it; only sizing sets <see cref="Quantity"/>.
/// </summary>
public sealed class RiskCheck
{
    private RiskCheck(OrderRequest request, RiskSnapshot snapshot, InstrumentSpec instrument, List<PendingOrder> pending, DateTimeOffset now)
    {
        Request = request;
        Snapshot = snapshot;
        Instrument = instrument;
        Pending = pending;
        Now = now;
        LastPrice = snapshot.LastPrices.GetValueOrDefault(request.Symbol);
        EntryPrice = request.Type switch
        {
            OrderType.Limit or OrderType.StopLimit => request.LimitPrice ?? LastPrice,
            OrderType.StopMarket => request.StopPrice ?? LastPrice,
            _ => LastPrice,
        };
        PositionQuantity = snapshot.PositionQuantity(request.Symbol, request.Product);
        var reducingPending = 0m;
        foreach (var p in pending)
            if (!p.Opening && p.Symbol == request.Symbol && p.Product == request.Product && p.Side == request.Side) reducingPending += p.Quantity;
        var closable = Math.Max(0, Math.Abs(PositionQuantity) - reducingPending);
        var opposite = PositionQuantity != 0 && (PositionQuantity > 0 ? request.Side == Side.Sell : request.Side == Side.Buy);
        Reduces = opposite && closable > 0 && request.Quantity <= closable;
        Quantity = request.Quantity == 0 && Reduces ? closable : request.Quantity;
        foreach (var p in pending)
        {
            if (ContainsClientId(snapshot.OpenOrders, p.ClientOrderId)) continue;
            UnseenReservations++;
            if (p.Opening) UnseenOpeningReservations++;
        }
    }

    /// <summary>
    /// Pending = the snapshot's open orders (an entry in <paramref name="replacements"/> — an approved modification the
    /// snapshot does not show yet — takes the place of the order's snapshot entry) plus the reservations the snapshot
    /// does not show yet. <paramref name="exclude"/> leaves one order out: the order being modified is checked as a whole.
    /// </summary>
    public static RiskCheck Create(OrderRequest request, RiskSnapshot snapshot, InstrumentSpec instrument,
        IEnumerable<PendingOrder> reservations, DateTimeOffset now,
        IReadOnlyDictionary<ClientOrderId, PendingOrder>? replacements = null, ClientOrderId? exclude = null)
    {
        var pending = new List<PendingOrder>(snapshot.OpenOrders.Count + 4);
        foreach (var o in snapshot.OpenOrders)
        {
            if (o.ClientOrderId == exclude) continue;
            pending.Add(replacements is not null && replacements.TryGetValue(o.ClientOrderId, out var replaced) ? replaced : o);
        }
        foreach (var r in reservations)
            if (r.ClientOrderId != exclude && !ContainsClientId(snapshot.OpenOrders, r.ClientOrderId)) pending.Add(r);
        return new RiskCheck(request, snapshot, instrument, pending, now);
    }

    public OrderRequest Request { get; }
    public RiskSnapshot Snapshot { get; }
    public RiskSettings Limits => Snapshot.Limits;
    public InstrumentSpec Instrument { get; }
    public IReadOnlyList<PendingOrder> Pending { get; }
    public DateTimeOffset Now { get; }
    /// <summary>Last traded price of the symbol (0 when unknown).</summary>
    public decimal LastPrice { get; }
    /// <summary>Limit/stop price, or the last price for market orders.</summary>
    public decimal EntryPrice { get; }
    public decimal PositionQuantity { get; }
    /// <summary>
    /// The order only closes (part of) the existing position of its symbol+product, net of exits already pending.
    /// Quantity 0 against an opposite position means "close it all".
    /// </summary>
    public bool Reduces { get; }
    /// <summary>Requested quantity; set by sizing when the request left it at 0.</summary>
    public decimal Quantity { get; internal set; }
    public decimal Notional => Quantity * EntryPrice;
    public int OrdersToday => Snapshot.OrdersToday + UnseenReservations;
    public int TradesToday => Snapshot.TradesToday + UnseenOpeningReservations;
    private int UnseenReservations { get; }
    private int UnseenOpeningReservations { get; }

    /// <summary>Builds the reservation this check makes if approved.</summary>
    public PendingOrder ToReservation() =>
        new(Request.ClientOrderId, Request.Symbol, Request.Product, Request.Side, Quantity, EntryPrice, !Reduces);

    private static bool ContainsClientId(IReadOnlyList<PendingOrder> orders, ClientOrderId id)
    {
        foreach (var o in orders) if (o.ClientOrderId == id) return true;
        return false;
    }
}
