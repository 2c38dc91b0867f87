using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Api.V1;
using ActorTrading.Events.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorTrading.Actors.Accounts;

/// <summary>Snapshots: what survives (open orders, positions, cash, limits, strategies, day counters, the day's broker claims).</summary>
public sealed partial class AccountState
{
    public AccountSnapshot ToSnapshot(DateTimeOffset now)
    {
        var s = new AccountSnapshot
        {
            AccountId = Id.Value, LastSeq = LastSeq, At = Timestamp.FromDateTimeOffset(now), DisplayName = DisplayName,
            Cash = ProtoDecimal.ToProto(decimal.Round(Cash, 9)), Limits = Limits.ToProto(), State = State,
            OrderRate = AccountEvents.Rate(Limits),
            Day = new DayCounters
            {
                TradingDay = TradingDay, StartOfDayEquity = ProtoDecimal.ToProto(decimal.Round(StartOfDayEquity, 9)),
                OrdersPlaced = OrdersToday, TradesDone = TradesToday, RealizedPnl = ProtoDecimal.ToProto(decimal.Round(Positions.DayRealizedPnl, 9)),
            },
        };
        foreach (var o in Active.Values)
        {
            var so = new SnapshotOrder
            {
                Order = AccountEvents.Accepted(o.OrderId, o.Request with { Quantity = o.Quantity, LimitPrice = o.LimitPrice, StopPrice = o.StopPrice }),
                Status = o.Status, FilledQuantity = ProtoDecimal.ToProto(o.FilledQuantity),
                AverageFillPrice = ProtoDecimal.ToProto(decimal.Round(o.AverageFillPrice, 9)), CancelRequested = o.CancelRequested,
            };
            if (BrokerIds.TryGetValue(o.OrderId, out var b)) { so.GatewayId = b.Gateway; so.BrokerOrderId = b.BrokerOrderId; }
            s.OpenOrders.Add(so);
        }
        foreach (var p in Positions.All)
        {
            if (p.IsFlat && p.RealizedPnl == 0) continue;
            s.Positions.Add(new SnapshotPosition
            {
                Symbol = p.Key.Symbol.Value, Product = p.Key.Product, Quantity = ProtoDecimal.ToProto(p.Quantity),
                AveragePrice = ProtoDecimal.ToProto(decimal.Round(p.AveragePrice, 9)), RealizedPnl = ProtoDecimal.ToProto(decimal.Round(p.RealizedPnl, 9)),
            });
        }
        foreach (var (id, b) in BrokerIds)
            if (!Active.ContainsKey(id) && b.BrokerOrderId.Length > 0)
                s.DayClaims.Add(new DayClaim { OrderId = id.Value, GatewayId = b.Gateway, BrokerOrderId = b.BrokerOrderId });
        s.Strategies.AddRange(Strategies.Values);
        foreach (var o in Orders.All()) s.RecentClientOrderIds.Add(o.ClientOrderId.Value);
        return s;
    }

    public void Restore(AccountSnapshot s)
    {
        Exists = true;
        LastSeq = s.LastSeq;
        OrdersFloor = TradesFloor = s.LastSeq;
        DisplayName = s.DisplayName;
        Cash = ProtoDecimal.FromProto(s.Cash);
        Limits = AccountEvents.WithRate(RiskSettings.FromProto(s.Limits, _baseline), s.OrderRate);
        State = s.State == Api.V1.TradingState.Unspecified ? Api.V1.TradingState.Active : s.State;
        foreach (var so in s.OpenOrders)
        {
            var id = new OrderId(so.Order.OrderId);
            var at = s.At?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch;
            var order = OrderStateMachine.Accept(AccountEvents.ToRequest(Id, so.Order), id, at) with
            {
                Status = so.Status, FilledQuantity = ProtoDecimal.FromProto(so.FilledQuantity), AverageFillPrice = ProtoDecimal.FromProto(so.AverageFillPrice),
                CancelRequested = so.CancelRequested && so.Status is not (OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Rejected or OrderStatus.Expired),
            };
            Orders.Restore(order, SequenceOf(id));
            if (order.IsActive) Active[id] = order;
            if (!string.IsNullOrEmpty(so.GatewayId)) BrokerIds[id] = (so.GatewayId, so.BrokerOrderId);
        }
        foreach (var c in s.DayClaims) BrokerIds[new OrderId(c.OrderId)] = (c.GatewayId, c.BrokerOrderId);
        foreach (var sp in s.Positions)
        {
            var key = new PositionKey(new SymbolId(sp.Symbol), sp.Product);
            var q = ProtoDecimal.FromProto(sp.Quantity);
            var realized = ProtoDecimal.FromProto(sp.RealizedPnl);
            Positions.Seed(key, q, ProtoDecimal.FromProto(sp.AveragePrice), realized);
        }
        foreach (var st in s.Strategies) Strategies[st.InstanceName] = st;
        if (s.Day is { } d)
            SetDay(d.TradingDay, ProtoDecimal.FromProto(d.StartOfDayEquity), d.OrdersPlaced, d.TradesDone);
        // Idempotency of client order ids that are no longer open: remembered as settled (status unknown after a snapshot).
        _settledClientIds.Clear();
        foreach (var cid in s.RecentClientOrderIds)
            if (ClientOrderId.TryParse(cid, out var c) && !Orders.TryGet(c, out _)) _settledClientIds.Add(c);
    }

    private readonly HashSet<ClientOrderId> _settledClientIds = new();

    /// <summary>A client order id used before the latest snapshot whose order is no longer open.</summary>
    public bool IsSettledClientId(ClientOrderId id) => _settledClientIds.Contains(id);
}
