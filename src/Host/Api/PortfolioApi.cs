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

/// <summary><c>actortrading.v1.Portfolio</c>, served by the account actor.</summary>
public sealed class PortfolioApi(ActorRouter router, StreamPump streams, NodeMetrics metrics)
{
    public Task<PortfolioSnapshot> GetPortfolio(GetPortfolioRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        return router.AskAccountAsync<PortfolioSnapshot>(request.AccountId, request, context);
    }

    /// <summary>Portfolio snapshots, conflated: a slow reader gets the latest snapshot, never a backlog.</summary>
    public Task StreamPortfolio(StreamPortfolioRequest request, IServerStreamWriter<PortfolioSnapshot> responseStream, ServerCallContext context)
    {
        var account = AccountAccess.Require(context, request.AccountId);
        var buffer = new ConflatingBuffer<PortfolioSnapshot>(s => s.AccountId, () => metrics.StreamDropped("portfolio"));
        return streams.RunAsync([new ClusterIdentity(ActorRouter.AccountKind, account)],
            new SubscribeAccountEvents { Portfolio = true }, new UnsubscribeAccountEvents(), buffer,
            m => m is PortfolioSnapshot s && s.AccountId == account ? s : null, responseStream, context);
    }

    public async Task<OrderAck> ClosePosition(ClosePositionRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        Symbol(request.Symbol);
        Check(request.Product != Product.Unspecified, "product: must be MIS, CNC or NRML");
        var ack = await router.AskAccountAsync<OrderAck>(request.AccountId, request, context).ConfigureAwait(false);
        metrics.OrderAcknowledged(ack);
        context.SetAuditDetail($"close {request.Symbol} {request.Product}: {ack.Status} order_id={ack.OrderId} {ack.Message}");
        return ack;
    }

    public async Task<CloseAllPositionsResponse> CloseAllPositions(CloseAllPositionsRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        var response = await router.AskAccountAsync<CloseAllPositionsResponse>(request.AccountId, request, context).ConfigureAwait(false);
        foreach (var ack in response.Acks) metrics.OrderAcknowledged(ack);
        context.SetAuditDetail($"closing orders [{string.Join(",", response.Acks.Select(a => a.OrderId + ":" + a.Status))}]");
        return response;
    }
}
