using ActorTrading.Actors.Model;
using ActorTrading.Actors.Strategies;
using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Audit;
using ActorTrading.Host.Metrics;
using ActorTrading.Host.Security;
using static ActorTrading.Host.Api.RequestRules;

namespace ActorTrading.Host.Api;

/// <summary><c>actortrading.v1.Strategies</c>: strategy instances are children of the account actor.</summary>
public sealed class StrategiesApi(ActorRouter router, WebhookTokens tokens, NodeMetrics metrics)
{
    public Task<ListStrategyTypesResponse> ListStrategyTypes(ListStrategyTypesRequest request, ServerCallContext context) =>
        Task.FromResult(StrategyCatalog.Default.ToProto());

    public async Task<StrategyInstance> StartStrategy(StartStrategyRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        Check(!string.IsNullOrEmpty(request.Type), "type: is required (ListStrategyTypes lists them)");
        Identifier(request.InstanceName, "instance_name");
        Check(request.Symbols.Count > 0, "symbols: at least one symbol is required");
        for (var i = 0; i < request.Symbols.Count; i++) Symbol(request.Symbols[i], $"symbols[{i}]");
        StrategyCatalog.Default.TryCreate(request.Type, request.Parameters, out _, out var errors);
        if (errors.Count > 0)
            throw Invalid(StrategyCatalog.Default.TryGet(request.Type, out _) ? "parameters: " + string.Join("; ", errors) : "type: " + errors[0]);
        context.SetAuditDetail($"start {request.Type} '{request.InstanceName}' on [{string.Join(",", request.Symbols)}]");
        var instance = await router.AskAccountAsync<StrategyInstance>(request.AccountId, request, context).ConfigureAwait(false);
        await tokens.LearnAsync(instance, context.CancellationToken).ConfigureAwait(false);
        return instance;
    }

    public async Task<StrategyInstance> StopStrategy(StopStrategyRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        Identifier(request.InstanceName, "instance_name");
        context.SetAuditDetail($"stop '{request.InstanceName}'");
        var instance = await router.AskAccountAsync<StrategyInstance>(request.AccountId, request, context).ConfigureAwait(false);
        await tokens.LearnAsync(instance, context.CancellationToken).ConfigureAwait(false);
        return instance;
    }

    public async Task<ListStrategiesResponse> ListStrategies(ListStrategiesRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        var response = await router.AskAccountAsync<ListStrategiesResponse>(request.AccountId, request, context).ConfigureAwait(false);
        foreach (var instance in response.Strategies) await tokens.LearnAsync(instance, context.CancellationToken).ConfigureAwait(false);
        if (context.Principal().Role is Role.Viewer or Role.LimitedTrader)
        {
            response = response.Clone();
            foreach (var instance in response.Strategies) instance.WebhookToken = "";   // a token places orders: only who may trade signals sees it
        }
        return response;
    }

    public async Task<OrderAck> SendSignal(SendSignalRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        Validate(request);
        var ack = await router.AskAccountAsync<OrderAck>(request.AccountId, request, context).ConfigureAwait(false);
        metrics.OrderAcknowledged(ack);
        context.SetAuditDetail($"signal '{request.InstanceName}' {request.Action} {request.Symbol}: {ack.Status} order_id={ack.OrderId} {ack.Message}");
        return ack;
    }

    /// <summary>The checks a signal gets from the API and from a TradingView webhook alike.</summary>
    public static void Validate(SendSignalRequest request)
    {
        Identifier(request.InstanceName, "instance_name");
        Symbol(request.Symbol);
        Check(request.Action != Side.Unspecified, "action: must be BUY or SELL");
        Check(ExternalSignal.TryFromProto(request, out _));
        NonNegative(request.Quantity, "quantity");
        NonNegative(request.Price, "price");
        NonNegative(request.StopLoss, "stop_loss");
        NonNegative(request.TakeProfit, "take_profit");
    }
}
