using ActorTrading.Api.V1;
using ActorTrading.Events.V1;
using Google.Protobuf.WellKnownTypes;
using static ActorTrading.Actors.Model.ProtoDecimal;

namespace ActorTrading.Actors.Ports;

/// <summary>
/// What each journaled event changes in the read models: the one definition every journal applies
/// (in the same transaction as the events). Folds many events into one change per row.
/// </summary>
public static class ReadModelProjector
{
    public static void Apply(ReadModelChanges changes, string accountId, long seq, AccountEvent e, DateTimeOffset at)
    {
        switch (e.EventCase)
        {
            case AccountEvent.EventOneofCase.AccountOpened:
                var opened = Account(changes, accountId);
                opened.Opened = true;
                opened.DisplayName = e.AccountOpened.DisplayName;
                opened.Cash = FromProto(e.AccountOpened.InitialCash);
                opened.Limits = e.AccountOpened.Limits ?? new RiskLimits();
                opened.State = TradingState.Active;
                break;
            case AccountEvent.EventOneofCase.RiskLimitsChanged:
                Account(changes, accountId).Limits = e.RiskLimitsChanged.Limits ?? new RiskLimits();
                break;
            case AccountEvent.EventOneofCase.TradingStateChanged:
                Account(changes, accountId).State = e.TradingStateChanged.State;
                break;
            case AccountEvent.EventOneofCase.CashAdjusted:
                Account(changes, accountId).Cash = FromProto(e.CashAdjusted.CashAfter);
                break;
            case AccountEvent.EventOneofCase.OrderAccepted:
                changes.NewOrders[(accountId, e.OrderAccepted.OrderId)] = new OrderRow(accountId, seq, NewOrder(accountId, e.OrderAccepted, at));
                break;
            case AccountEvent.EventOneofCase.OrderDenied:
                var d = e.OrderDenied;
                changes.NewOrders[(accountId, d.OrderId)] = new OrderRow(accountId, seq, new Order
                {
                    OrderId = d.OrderId, ClientOrderId = d.ClientOrderId, AccountId = accountId, Symbol = d.Symbol, Side = d.Side,
                    Quantity = d.Quantity ?? ToProtoRounded(0), FilledQuantity = ToProtoRounded(0), Status = OrderStatus.Denied,
                    Strategy = d.Strategy, Created = Timestamp.FromDateTimeOffset(at), Updated = Timestamp.FromDateTimeOffset(at),
                });
                break;
            case AccountEvent.EventOneofCase.OrderSubmitted:
                // as the account's order book: OPEN only from ACCEPTED and only with the broker's id (a fill may come first);
                // a store applies a patch's OPEN only to an order still ACCEPTED
                if (string.IsNullOrEmpty(e.OrderSubmitted.BrokerOrderId)) break;
                Patch(changes, accountId, e.OrderSubmitted.OrderId, at, p => p.Status ??= OrderStatus.Open,
                    o => o.Status = o.Status == OrderStatus.Accepted ? OrderStatus.Open : o.Status);
                break;
            case AccountEvent.EventOneofCase.OrderModified:
                var m = e.OrderModified;
                Patch(changes, accountId, m.OrderId, at,
                    p => { p.Quantity = FromProtoOrNull(m.Quantity) ?? p.Quantity; p.LimitPrice = FromProtoOrNull(m.LimitPrice) ?? p.LimitPrice; p.StopPrice = FromProtoOrNull(m.StopPrice) ?? p.StopPrice; },
                    o => { o.Quantity = m.Quantity ?? o.Quantity; o.LimitPrice = m.LimitPrice ?? o.LimitPrice; o.StopPrice = m.StopPrice ?? o.StopPrice; });
                break;
            case AccountEvent.EventOneofCase.OrderFilled:
                ApplyFill(changes, accountId, seq, e.OrderFilled, at);
                break;
            case AccountEvent.EventOneofCase.OrderCancelRequested:
                Patch(changes, accountId, e.OrderCancelRequested.OrderId, at, _ => { }, _ => { });
                break;
            case AccountEvent.EventOneofCase.OrderCanceled:
                SetStatus(changes, accountId, e.OrderCanceled.OrderId, at, OrderStatus.Canceled);
                break;
            case AccountEvent.EventOneofCase.OrderRejected:
                SetStatus(changes, accountId, e.OrderRejected.OrderId, at, OrderStatus.Rejected);
                break;
            case AccountEvent.EventOneofCase.OrderExpired:
                SetStatus(changes, accountId, e.OrderExpired.OrderId, at, OrderStatus.Expired);
                break;
            case AccountEvent.EventOneofCase.StrategyStarted:
                var s = e.StrategyStarted;
                changes.Strategies[(accountId, s.InstanceName)] = new StrategyRow(accountId, s.InstanceName, s.Type,
                    s.Symbols.ToArray(), new Dictionary<string, string>(s.Parameters), true, s.WebhookTokenHash);
                break;
            case AccountEvent.EventOneofCase.StrategyStopped:
                var name = e.StrategyStopped.InstanceName;
                changes.Strategies[(accountId, name)] = changes.Strategies.TryGetValue((accountId, name), out var row)
                    ? row with { Running = false }
                    : new StrategyRow(accountId, name, "", [], new Dictionary<string, string>(), false, "");
                break;
        }
    }

    private static void ApplyFill(ReadModelChanges changes, string accountId, long seq, OrderFilled f, DateTimeOffset at)
    {
        var status = f.OrderComplete ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        // updated = the fill's time, as the account's order book has it
        Patch(changes, accountId, f.OrderId, f.Time?.ToDateTimeOffset() ?? at,
            p => { p.Status = status; p.FilledQuantity = FromProto(f.FilledQuantityAfter); p.AverageFillPrice = FromProto(f.AverageFillPriceAfter); },
            o => { o.Status = status; o.FilledQuantity = f.FilledQuantityAfter ?? ToProtoRounded(0); o.AverageFillPrice = f.AverageFillPriceAfter; });
        changes.Trades.Add(new TradeRow(accountId, seq, at, new Trade
        {
            TradeId = f.TradeId, OrderId = f.OrderId, Symbol = f.Symbol, Side = f.Side, Quantity = f.Quantity, Price = f.Price,
            Fees = f.Fees ?? ToProtoRounded(0), Time = f.Time ?? Timestamp.FromDateTimeOffset(at),
        }));
        changes.Positions[(accountId, f.Symbol, f.Product)] = new PositionRow(accountId, new Position
        {
            Symbol = f.Symbol, Product = f.Product, Quantity = f.PositionQuantityAfter ?? ToProtoRounded(0),
            AveragePrice = f.PositionAveragePriceAfter ?? ToProtoRounded(0), LastPrice = f.Price,
            RealizedPnl = f.PositionRealizedPnlAfter ?? ToProtoRounded(0), UnrealizedPnl = ToProtoRounded(0),
        });
        if (f.CashAfter is not null) Account(changes, accountId).Cash = FromProto(f.CashAfter);
    }

    private static Order NewOrder(string accountId, OrderAccepted a, DateTimeOffset at) => new()
    {
        OrderId = a.OrderId, ClientOrderId = a.ClientOrderId, AccountId = accountId, Symbol = a.Symbol, Side = a.Side, Type = a.Type,
        Quantity = a.Quantity ?? ToProtoRounded(0), FilledQuantity = ToProtoRounded(0), LimitPrice = a.LimitPrice, StopPrice = a.StopPrice,
        Status = OrderStatus.Accepted, Product = a.Product, TimeInForce = a.TimeInForce, Strategy = a.Strategy,
        Created = Timestamp.FromDateTimeOffset(at), Updated = Timestamp.FromDateTimeOffset(at),
    };

    private static void SetStatus(ReadModelChanges changes, string accountId, string orderId, DateTimeOffset at, OrderStatus status) =>
        Patch(changes, accountId, orderId, at, p => p.Status = status, o => o.Status = status);

    private static void Patch(ReadModelChanges changes, string accountId, string orderId, DateTimeOffset at,
        Action<OrderPatch> patch, Action<Order> row)
    {
        if (changes.NewOrders.TryGetValue((accountId, orderId), out var existing))
        {
            row(existing.Order);
            existing.Order.Updated = Timestamp.FromDateTimeOffset(at);
            return;
        }
        var key = (accountId, orderId);
        var p = changes.OrderPatches.TryGetValue(key, out var old) ? old with { Updated = at } : new OrderPatch(accountId, orderId, at);
        patch(p);
        changes.OrderPatches[key] = p;
    }

    private static AccountPatch Account(ReadModelChanges changes, string accountId)
    {
        if (!changes.Accounts.TryGetValue(accountId, out var p)) changes.Accounts[accountId] = p = new AccountPatch(accountId);
        return p;
    }
}
