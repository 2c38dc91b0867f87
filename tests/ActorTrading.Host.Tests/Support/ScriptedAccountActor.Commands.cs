using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime;

namespace ActorTrading.Host.Tests.Support;

public sealed partial class ScriptedAccountActor
{
    private object Handle(IContext context, object message) => message switch
    {
        GetAccountRequest => _account!,
        UpdateRiskLimitsRequest r => UpdateLimits(r),
        HaltRequest r => ChangeState(r.Mode, r.Reason),
        ResumeRequest => ChangeState(TradingState.Active, "resumed"),
        PlaceOrderRequest r => Place(context, r),
        ModifyOrderRequest r => Modify(r),
        CancelOrderRequest r => Cancel(context, r.OrderId),
        CancelAllOrdersRequest => CancelAll(context),
        GetOrderRequest r => _orders.TryGetValue(r.OrderId, out var o) ? o : Fail(FailureCode.NotFound, "order_id", $"order {r.OrderId} not found"),
        ListOrdersRequest r => ListOrders(r.OpenOnly),
        ListTradesRequest => ListTrades(),
        GetPortfolioRequest => Portfolio(),
        ClosePositionRequest r => Close(context, r.Symbol),
        CloseAllPositionsRequest => CloseAll(context),
        StartStrategyRequest r => Start(r),
        StopStrategyRequest r => _strategies.TryGetValue(r.InstanceName, out var s) ? Stopped(s) : Fail(FailureCode.NotFound, "instance_name", $"no strategy '{r.InstanceName}'"),
        ListStrategiesRequest => ListStrategies(),
        SendSignalRequest r => Signal(context, r),
        _ => Fail(FailureCode.InvalidArgument, "", $"unexpected {message.GetType().Name}"),
    };

    private RiskLimits UpdateLimits(UpdateRiskLimitsRequest r)
    {
        var limits = (_account!.Limits ?? new RiskLimits()).Clone();
        limits.MergeFrom(r.Limits);
        _account.Limits = limits;
        return limits;
    }

    private TradingStateChanged ChangeState(TradingState state, string reason)
    {
        _account!.State = state;
        return new TradingStateChanged { AccountId = _account.AccountId, State = state, Reason = reason, Time = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow) };
    }

    private OrderAck Place(IContext context, PlaceOrderRequest r)
    {
        if (_byClientId.TryGetValue(r.ClientOrderId, out var previous)) return previous;
        var quantity = ProtoDecimal.FromProto(r.Quantity);
        var price = r.Type == OrderType.Limit ? ProtoDecimal.FromProto(r.LimitPrice) : FillPrice;
        var cash = ProtoDecimal.FromProto(_account!.Cash);
        OrderAck Deny(DenialReason reason, string message) => _byClientId[r.ClientOrderId] = new OrderAck
        { ClientOrderId = r.ClientOrderId, Status = OrderStatus.Denied, DenialReason = reason, Message = message };
        if (_account.State == TradingState.Halted) return Deny(DenialReason.TradingHalted, "trading is HALTED");
        if (_account.State == TradingState.Reducing && r.Side == Side.Buy) return Deny(DenialReason.ReduceOnly, "REDUCING: only orders that reduce a position");
        if (r.Side == Side.Buy && quantity * price > cash) return Deny(DenialReason.InsufficientFunds, $"notional {quantity * price} exceeds cash {cash}");
        var order = new Order
        {
            OrderId = "o-" + (_orders.Count + 1), ClientOrderId = r.ClientOrderId, AccountId = _account.AccountId, Symbol = r.Symbol, Side = r.Side,
            Type = r.Type, Quantity = r.Quantity, LimitPrice = r.LimitPrice, Product = r.Product, TimeInForce = r.TimeInForce, Strategy = r.Strategy,
            Status = r.Type == OrderType.Market ? OrderStatus.Filled : OrderStatus.Open,
        };
        _orders[order.OrderId] = order;
        Trade? trade = null;
        if (order.Status == OrderStatus.Filled)
        {
            order.FilledQuantity = r.Quantity;
            order.AverageFillPrice = ProtoDecimal.ToProto(FillPrice);
            trade = new Trade { TradeId = "t-" + (_trades.Count + 1), OrderId = order.OrderId, Symbol = r.Symbol, Side = r.Side, Quantity = r.Quantity, Price = order.AverageFillPrice };
            _trades.Add(trade);
            _positions[r.Symbol] = _positions.GetValueOrDefault(r.Symbol) + (r.Side == Side.Buy ? quantity : -quantity);
            _account.Cash = ProtoDecimal.ToProto(cash - (r.Side == Side.Buy ? 1 : -1) * quantity * FillPrice);
        }
        Publish(context, order, trade);
        return _byClientId[r.ClientOrderId] = new OrderAck { OrderId = order.OrderId, ClientOrderId = r.ClientOrderId, Status = OrderStatus.Accepted };
    }

    private object Modify(ModifyOrderRequest r)
    {
        if (!_orders.TryGetValue(r.OrderId, out var o)) return Fail(FailureCode.NotFound, "order_id", $"order {r.OrderId} not found");
        if (o.Status != OrderStatus.Open) return Fail(FailureCode.FailedPrecondition, "order_id", $"order {r.OrderId} is {o.Status}");
        if (r.Quantity is not null && ProtoDecimal.FromProto(r.Quantity) != 0) o.Quantity = r.Quantity;
        if (r.LimitPrice is not null && ProtoDecimal.FromProto(r.LimitPrice) != 0) o.LimitPrice = r.LimitPrice;
        return new OrderAck { OrderId = o.OrderId, ClientOrderId = o.ClientOrderId, Status = OrderStatus.Open };
    }

    private object Cancel(IContext context, string orderId)
    {
        if (!_orders.TryGetValue(orderId, out var o)) return Fail(FailureCode.NotFound, "order_id", $"order {orderId} not found");
        if (o.Status != OrderStatus.Open) return Fail(FailureCode.FailedPrecondition, "order_id", $"order {orderId} is {o.Status}");
        o.Status = OrderStatus.Canceled;
        Publish(context, o, null);
        return new OrderAck { OrderId = o.OrderId, ClientOrderId = o.ClientOrderId, Status = OrderStatus.Canceled };
    }

    private CancelAllOrdersResponse CancelAll(IContext context)
    {
        var response = new CancelAllOrdersResponse();
        foreach (var o in _orders.Values.Where(o => o.Status == OrderStatus.Open).ToList())
        {
            Cancel(context, o.OrderId);
            response.CanceledOrderIds.Add(o.OrderId);
        }
        return response;
    }

    private ListOrdersResponse ListOrders(bool openOnly)
    {
        var r = new ListOrdersResponse();
        r.Orders.AddRange(_orders.Values.Where(o => !openOnly || o.Status == OrderStatus.Open));
        return r;
    }

    private ListTradesResponse ListTrades()
    {
        var r = new ListTradesResponse();
        r.Trades.AddRange(_trades);
        return r;
    }

    private object Close(IContext context, string symbol)
    {
        var qty = _positions.GetValueOrDefault(symbol);
        if (qty == 0) return Fail(FailureCode.FailedPrecondition, "symbol", $"no open position in {symbol}");
        return Place(context, new PlaceOrderRequest
        {
            AccountId = _account!.AccountId, ClientOrderId = "close-" + symbol + "-" + _orders.Count, Symbol = symbol, Side = qty > 0 ? Side.Sell : Side.Buy,
            Type = OrderType.Market, Quantity = ProtoDecimal.ToProto(Math.Abs(qty)), TimeInForce = TimeInForce.Day, Product = Product.Mis,
        });
    }

    private CloseAllPositionsResponse CloseAll(IContext context)
    {
        var r = new CloseAllPositionsResponse();
        foreach (var symbol in _positions.Where(kv => kv.Value != 0).Select(kv => kv.Key).ToList()) r.Acks.Add((OrderAck)Close(context, symbol));
        return r;
    }

    private object Start(StartStrategyRequest r)
    {
        if (_strategies.TryGetValue(r.InstanceName, out var s) && s.Running) return Fail(FailureCode.AlreadyExists, "instance_name", $"'{r.InstanceName}' is running");
        var instance = new StrategyInstance { AccountId = r.AccountId, InstanceName = r.InstanceName, Type = r.Type, Running = true, WebhookToken = $"tok-{r.AccountId}-{r.InstanceName}" };
        instance.Symbols.AddRange(r.Symbols);
        instance.Parameters.Add(r.Parameters);
        return _strategies[r.InstanceName] = instance;
    }

    private static StrategyInstance Stopped(StrategyInstance s)
    {
        s.Running = false;
        return s;
    }

    private ListStrategiesResponse ListStrategies()
    {
        var r = new ListStrategiesResponse();
        r.Strategies.AddRange(_strategies.Values);
        return r;
    }

    private object Signal(IContext context, SendSignalRequest r)
    {
        if (!_strategies.TryGetValue(r.InstanceName, out var s) || !s.Running) return Fail(FailureCode.NotFound, "instance_name", $"no running strategy '{r.InstanceName}'");
        return Place(context, new PlaceOrderRequest
        {
            AccountId = r.AccountId, ClientOrderId = "sig-" + _orders.Count, Symbol = r.Symbol, Side = r.Action, Type = OrderType.Market,
            Quantity = r.Quantity ?? ProtoDecimal.ToProto(1), TimeInForce = TimeInForce.Day, Product = Product.Mis, Strategy = r.InstanceName,
        });
    }
}
