using Position = ActorTrading.Actors.Model.Position;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Api.V1;
using ActorTrading.Events.V1;

namespace ActorTrading.Actors.Accounts;

/// <summary>
/// The state of one account, changed only by applying journaled events (<see cref="Apply"/>): live commands and recovery
/// take the same path. Owned by the account actor; not thread-safe.
/// </summary>
public sealed partial class AccountState
{
    public const int TradesKept = 10_000;

    private readonly Func<DateTimeOffset, string> _dayOf;

    private readonly RiskSettings _baseline;

    public AccountState(AccountId id, Func<DateTimeOffset, string> dayOf, RiskSettings? baseline = null)
    {
        _baseline = baseline ?? RiskSettings.Default;
        Id = id;
        _dayOf = dayOf;
        Orders = new OrderBook(id);
    }

    public AccountId Id { get; }
    public bool Exists { get; private set; }
    public string DisplayName { get; private set; } = "";
    public decimal Cash { get; private set; }
    public RiskSettings Limits { get; private set; } = RiskSettings.Default;
    public Api.V1.TradingState State { get; private set; } = Api.V1.TradingState.Active;
    public string StateReason { get; private set; } = "";
    public long LastSeq { get; private set; }
    public OrderBook Orders { get; private set; }
    public PositionBook Positions { get; private set; } = new();
    public Dictionary<OrderId, OrderState> Active { get; } = new();
    // Created on first use: an idle account (most of them) holds no empty broker-id, bracket or trade collections.
    private Dictionary<OrderId, (string Gateway, string BrokerOrderId)>? _brokerIds;
    private Dictionary<PositionKey, ProtectiveLevels>? _brackets;
    private LinkedList<Trade>? _trades;
    public Dictionary<OrderId, (string Gateway, string BrokerOrderId)> BrokerIds => _brokerIds ??= new();
    public Dictionary<PositionKey, ProtectiveLevels> Brackets => _brackets ??= new();
    public Dictionary<string, StrategyStarted> Strategies { get; } = new(StringComparer.Ordinal);
    public LinkedList<Trade> Trades => _trades ??= new();
    public Dictionary<SymbolId, decimal> LastPrices { get; } = new();
    public string TradingDay { get; private set; } = "";
    public decimal StartOfDayEquity { get; private set; }
    public int OrdersToday { get; private set; }
    public int TradesToday { get; private set; }

    public decimal Equity
    {
        get
        {
            var equity = Cash;
            foreach (var p in Positions.All) equity += p.MarketValue;
            return equity;
        }
    }

    /// <summary>Starts a new trading day when <paramref name="day"/> differs (counters reset, start-of-day equity taken).</summary>
    public bool RollDay(string day)
    {
        if (day == TradingDay) return false;
        TradingDay = day;
        StartOfDayEquity = Equity;
        OrdersToday = 0;
        TradesToday = 0;
        Positions.StartDay();
        // the broker's book of the new day lists none of the finished orders: their broker ids are no longer claims
        if (_brokerIds is not null)
            foreach (var id in _brokerIds.Keys.Where(id => !Active.ContainsKey(id)).ToList()) _brokerIds.Remove(id);
        return true;
    }

    public bool TryGetPosition(SymbolId symbol, Product product, out Position? position)
    {
        var found = Positions.TryGet(symbol, product, out var p);
        position = found ? p : null;
        return found;
    }

    public void Mark(SymbolId symbol, decimal price)
    {
        LastPrices[symbol] = price;
        Positions.Mark(symbol, price);
    }

    public void Apply(AccountEvent e, long seq)
    {
        LastSeq = seq;
        var at = e.At?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch;
        if (Exists) RollDay(_dayOf(at));
        switch (e.EventCase)
        {
            case AccountEvent.EventOneofCase.AccountOpened: ApplyOpened(e.AccountOpened); break;
            case AccountEvent.EventOneofCase.RiskLimitsChanged:
                Limits = AccountEvents.WithRate(RiskSettings.FromProto(e.RiskLimitsChanged.Limits, _baseline), e.RiskLimitsChanged.OrderRate ?? AccountEvents.Rate(Limits));
                break;
            case AccountEvent.EventOneofCase.TradingStateChanged:
                State = e.TradingStateChanged.State;
                StateReason = e.TradingStateChanged.Reason;
                break;
            case AccountEvent.EventOneofCase.OrderAccepted: ApplyAccepted(e.OrderAccepted, at); break;
            case AccountEvent.EventOneofCase.OrderDenied: ApplyDenied(e.OrderDenied, at); break;
            case AccountEvent.EventOneofCase.OrderSubmitted: ApplySubmitted(e.OrderSubmitted, at); break;
            case AccountEvent.EventOneofCase.OrderModified: ApplyModified(e.OrderModified, at); break;
            case AccountEvent.EventOneofCase.OrderFilled: ApplyFilled(e.OrderFilled, at); break;
            case AccountEvent.EventOneofCase.OrderCancelRequested: Track(Orders.RequestCancel(new OrderId(e.OrderCancelRequested.OrderId), at)); break;
            case AccountEvent.EventOneofCase.OrderCanceled: Track(Orders.ConfirmCancel(new OrderId(e.OrderCanceled.OrderId), at)); break;
            case AccountEvent.EventOneofCase.OrderRejected: Track(Orders.Reject(new OrderId(e.OrderRejected.OrderId), e.OrderRejected.BrokerReason, at)); break;
            case AccountEvent.EventOneofCase.OrderExpired: Track(Orders.Expire(new OrderId(e.OrderExpired.OrderId), at)); break;
            case AccountEvent.EventOneofCase.CashAdjusted: Cash = ProtoDecimal.FromProto(e.CashAdjusted.CashAfter); break;
            case AccountEvent.EventOneofCase.StrategyStarted: Strategies[e.StrategyStarted.InstanceName] = e.StrategyStarted; break;
            case AccountEvent.EventOneofCase.StrategyStopped: Strategies.Remove(e.StrategyStopped.InstanceName); break;
        }
    }

    private void ApplyOpened(AccountOpened o)
    {
        Exists = true;
        DisplayName = o.DisplayName;
        Cash = ProtoDecimal.FromProto(o.InitialCash);
        Limits = AccountEvents.WithRate(RiskSettings.FromProto(o.Limits, _baseline), o.OrderRate);
        StartOfDayEquity = Cash;
    }

    internal void SetDay(string day, decimal startOfDayEquity, int ordersToday, int tradesToday)
    {
        TradingDay = day;
        StartOfDayEquity = startOfDayEquity;
        OrdersToday = ordersToday;
        TradesToday = tradesToday;
    }

    private void ApplyAccepted(OrderAccepted a, DateTimeOffset at)
    {
        var id = new OrderId(a.OrderId);
        var order = OrderStateMachine.Accept(AccountEvents.ToRequest(Id, a), id, at);
        Orders.Restore(order, SequenceOf(id));
        Active[id] = order;
        OrdersToday++;
    }

    private void ApplyDenied(OrderDenied d, DateTimeOffset at)
    {
        var id = new OrderId(d.OrderId);
        var request = new OrderRequest
        {
            Account = Id, ClientOrderId = new ClientOrderId(d.ClientOrderId), Symbol = new SymbolId(d.Symbol), Side = d.Side,
            Quantity = ProtoDecimal.FromProto(d.Quantity), Strategy = d.Strategy,
        };
        Orders.Restore(OrderStateMachine.Deny(request, id, d.Reason, d.Message, at), SequenceOf(id));
    }

    private void ApplySubmitted(OrderSubmitted s, DateTimeOffset at)
    {
        var id = new OrderId(s.OrderId);
        BrokerIds[id] = (s.GatewayId, s.BrokerOrderId);
        if (!string.IsNullOrEmpty(s.BrokerOrderId) && Orders.TryGet(id, out var o) && o.Status == OrderStatus.Accepted) Track(Orders.Open(id, at));
    }

    private void ApplyModified(OrderModified m, DateTimeOffset at)
    {
        decimal? Opt(Api.V1.Decimal? d) => d is null ? null : ProtoDecimal.FromProto(d);
        Track(Orders.Modify(new OrderId(m.OrderId), Opt(m.Quantity), Opt(m.LimitPrice), Opt(m.StopPrice), at));
    }

    private void ApplyFilled(OrderFilled f, DateTimeOffset at)
    {
        var id = new OrderId(f.OrderId);
        var quantity = ProtoDecimal.FromProto(f.Quantity);
        var price = ProtoDecimal.FromProto(f.Price);
        var time = f.Time?.ToDateTimeOffset() ?? at;
        if (!Orders.TryGet(id, out var order)) return;
        Track(Orders.FillReported(id, quantity, price, time, f.OrderComplete));
        var fill = new Fill(f.TradeId, id, order.Symbol, f.Side, f.Product, quantity, price, ProtoDecimal.FromProto(f.Fees), time);
        var position = Positions.Apply(fill);
        if (LastPrices.TryGetValue(order.Symbol, out var last)) position.Mark(last);
        Cash = ProtoDecimal.FromProto(f.CashAfter);
        if (!order.Request.Strategy.StartsWith("exit:", StringComparison.Ordinal) && position.Quantity != 0 && OpensFrom(order, position.Quantity))
            TradesToday++;
        if (order.Request.StopLoss is not null || order.Request.TakeProfit is not null || order.Request.TrailingStop is not null)
            Brackets[position.Key] = new ProtectiveLevels(order.Request.StopLoss, order.Request.TakeProfit, order.Request.TrailingStop, price);
        if (position.IsFlat) Brackets.Remove(position.Key);
        AddTrade(fill.ToProto());
    }

    private static bool OpensFrom(OrderState order, decimal quantityAfter) =>
        order.FilledQuantity == 0 && (order.Side == Side.Buy ? quantityAfter > 0 : quantityAfter < 0);

    private void Track(OrderTransition t)
    {
        if (!t.Succeeded || t.State is null) return;
        if (t.State.IsActive) Active[t.State.OrderId] = t.State;
        else Active.Remove(t.State.OrderId);
    }

    public static long SequenceOf(OrderId id) =>
        id.Value.Length > 1 && long.TryParse(id.Value.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
}
