using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Audit;
using ActorTrading.Host.Metrics;
using ActorTrading.Host.Security;
using ActorTrading.Host.Streaming;
using ActorTrading.Runtime.Cluster;
using static ActorTrading.Host.Api.RequestRules;

namespace ActorTrading.Host.Api;

/// <summary><c>actortrading.v1.Orders</c>: every call goes to the account actor that owns the order.</summary>
public sealed class OrdersApi(ActorRouter router, StreamPump streams, NodeMetrics metrics)
{
    public async Task<OrderAck> PlaceOrder(PlaceOrderRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        Check(PlaceOrderRequestParser.TryParse(request, InstrumentCatalog.Default, out _));
        var ack = await router.AskAccountAsync<OrderAck>(request.AccountId, request, context).ConfigureAwait(false);
        metrics.OrderAcknowledged(ack);
        // one string for the audit detail (the same text Acknowledged writes)
        context.SetAuditDetail(ack.Status == OrderStatus.Denied
            ? $"{request.Side} {request.Symbol} {request.Type} qty={ProtoDecimal.FromProto(request.Quantity)}: {ack.Status} order_id={ack.OrderId} client_order_id={ack.ClientOrderId} reason={ack.DenialReason} {ack.Message}"
            : $"{request.Side} {request.Symbol} {request.Type} qty={ProtoDecimal.FromProto(request.Quantity)}: {ack.Status} order_id={ack.OrderId} client_order_id={ack.ClientOrderId}");
        return ack;
    }

    public async Task<OrderAck> ModifyOrder(ModifyOrderRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        OrderIdOf(request.OrderId);
        var quantity = NonNegative(request.Quantity, "quantity");
        var limit = NonNegative(request.LimitPrice, "limit_price");
        var stop = NonNegative(request.StopPrice, "stop_price");
        Check(quantity != 0 || limit != 0 || stop != 0, "quantity, limit_price, stop_price: set at least one to change");
        var ack = await router.AskAccountAsync<OrderAck>(request.AccountId, request, context).ConfigureAwait(false);
        return Acknowledged(ack, context, $"modify {request.OrderId} qty={quantity} limit={limit} stop={stop}");
    }

    public async Task<OrderAck> CancelOrder(CancelOrderRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        OrderIdOf(request.OrderId);
        var ack = await router.AskAccountAsync<OrderAck>(request.AccountId, request, context).ConfigureAwait(false);
        context.SetAuditDetail($"cancel {request.OrderId}: {ack.Status}");
        return ack;
    }

    public async Task<CancelAllOrdersResponse> CancelAllOrders(CancelAllOrdersRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        var response = await router.AskAccountAsync<CancelAllOrdersResponse>(request.AccountId, request, context).ConfigureAwait(false);
        context.SetAuditDetail($"canceled [{string.Join(",", response.CanceledOrderIds)}]");
        return response;
    }

    public Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        OrderIdOf(request.OrderId);
        return router.AskAccountAsync<Order>(request.AccountId, request, context);
    }

    public Task<ListOrdersResponse> ListOrders(ListOrdersRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        Page(request.PageSize, request.PageToken);
        return router.AskAccountAsync<ListOrdersResponse>(request.AccountId, request, context);
    }

    public Task<ListTradesResponse> ListTrades(ListTradesRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        Page(request.PageSize, request.PageToken);
        return router.AskAccountAsync<ListTradesResponse>(request.AccountId, request, context);
    }

    /// <summary>Order events of one account; a slow reader loses the oldest (counted; gaps show in <c>sequence</c>).</summary>
    public Task StreamOrderEvents(StreamOrderEventsRequest request, IServerStreamWriter<OrderEvent> responseStream, ServerCallContext context)
    {
        var account = AccountAccess.Require(context, request.AccountId);
        var buffer = new DroppingBuffer<OrderEvent>(streams.BufferSize, () => metrics.StreamDropped("order_events"));
        return streams.RunAsync([new ClusterIdentity(ActorRouter.AccountKind, account)],
            new SubscribeAccountEvents { OrderEvents = true }, new UnsubscribeAccountEvents(), buffer,
            m => m is OrderEvent e && e.AccountId == account ? e : null, responseStream, context);
    }

    internal OrderAck Acknowledged(OrderAck ack, ServerCallContext context, string what)
    {
        metrics.OrderAcknowledged(ack);
        context.SetAuditDetail($"{what}: {ack.Status} order_id={ack.OrderId} client_order_id={ack.ClientOrderId}"
            + (ack.Status == OrderStatus.Denied ? $" reason={ack.DenialReason} {ack.Message}" : ""));
        return ack;
    }
}
