using System.Text.Json;
using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Api;
using ActorTrading.Host.Audit;
using ActorTrading.Host.Metrics;

namespace ActorTrading.Host.Http;

/// <summary>
/// <c>POST /webhooks/tradingview/{token}</c>: the token is a strategy instance's webhook_token; the alert becomes a
/// SendSignalRequest to that instance's account. 200 with the order ack; 400 bad alert, 404 unknown token, 413 too big,
/// 503 node not ready — each with <c>{"error": "..."}</c>.
/// </summary>
public static class WebhookEndpoint
{
    public const int MaxBodyBytes = 16 * 1024;

    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/webhooks/tradingview/{token}", HandleAsync);

    private static async Task<IResult> HandleAsync(string token, HttpRequest http, WebhookTokens tokens, ActorRouter router,
        AuditTrail audit, NodeMetrics metrics, TimeProvider time, CancellationToken ct)
    {
        var owner = await tokens.ResolveAsync(token, ct).ConfigureAwait(false);
        if (owner is null) return Fail(metrics, StatusCodes.Status404NotFound, "unknown webhook token (no running strategy has it)");
        var (accountId, instance) = owner.Value;
        if (http.ContentLength > MaxBodyBytes)
            return Fail(metrics, StatusCodes.Status413PayloadTooLarge, $"the alert must be at most {MaxBodyBytes} bytes");
        JsonElement body;
        try
        {
            using var limited = new MemoryStream();
            await http.Body.CopyToAsync(limited, ct).ConfigureAwait(false);
            if (limited.Length > MaxBodyBytes) return Fail(metrics, StatusCodes.Status413PayloadTooLarge, $"the alert must be at most {MaxBodyBytes} bytes");
            using var doc = JsonDocument.Parse(limited.ToArray());
            body = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return Fail(metrics, StatusCodes.Status400BadRequest, "the body is not valid JSON: " + e.Message);
        }
        if (TradingViewAlert.TryParse(body, accountId, instance, out var request) is { } problem)
            return Fail(metrics, StatusCodes.Status400BadRequest, problem);
        var principal = "webhook:" + instance;
        try
        {
            StrategiesApi.Validate(request!);
            var ack = await router.AskAsync<OrderAck>(new(ActorRouter.AccountKind, accountId), request!, ct).ConfigureAwait(false);
            metrics.OrderAcknowledged(ack);
            metrics.Webhook("ok");
            await audit.RecordAsync(new AuditRecord(time.GetUtcNow(), principal, "Webhooks.TradingView", accountId, "OK",
                $"{request!.Action} {request.Symbol}: {ack.Status} order_id={ack.OrderId} {ack.Message}")).ConfigureAwait(false);
            return Results.Json(new { order_id = ack.OrderId, client_order_id = ack.ClientOrderId, status = ack.Status.ToString(),
                denial_reason = ack.DenialReason.ToString(), message = ack.Message });
        }
        catch (RpcException e)
        {
            await audit.RecordAsync(new AuditRecord(time.GetUtcNow(), principal, "Webhooks.TradingView", accountId,
                e.StatusCode.ToString().ToUpperInvariant(), e.Status.Detail)).ConfigureAwait(false);
            return Fail(metrics, HttpStatusOf(e.StatusCode), e.Status.Detail);
        }
    }

    private static int HttpStatusOf(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition => StatusCodes.Status400BadRequest,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        StatusCode.Unavailable or StatusCode.Cancelled => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static IResult Fail(NodeMetrics metrics, int status, string error)
    {
        metrics.Webhook(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Results.Json(new { error }, statusCode: status);
    }
}
