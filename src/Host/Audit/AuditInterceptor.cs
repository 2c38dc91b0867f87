using ActorTrading.Actors.Ports;
using ActorTrading.Grpc;
using ActorTrading.Host.Security;

namespace ActorTrading.Host.Audit;

/// <summary>
/// Audits every state-changing call and every refused call: principal, action (the rpc), account, outcome (OK or the
/// status code) and detail (what the handler reported, or the status message).
/// </summary>
public sealed class AuditInterceptor(AuditTrail trail, TimeProvider time) : ServerInterceptor
{
    public override async Task InterceptAsync(ServerCallContext context, ServerCallHandler next)
    {
        var rule = RpcPolicy.For(context.Method);
        if (rule.Needs == Capability.Public)
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        try
        {
            await next(context).ConfigureAwait(false);
            if (rule.ChangesState) await RecordAsync(context, "OK", context.AuditDetail()).ConfigureAwait(false);
        }
        catch (RpcException e) when (rule.ChangesState || e.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
        {
            await RecordAsync(context, e.StatusCode.ToString().ToUpperInvariant(), e.Status.Detail).ConfigureAwait(false);
            throw;
        }
    }

    private ValueTask RecordAsync(ServerCallContext context, string outcome, string detail)
    {
        var principal = context.TryPrincipal()?.Principal ?? "(anonymous)";
        var action = context.Method[(context.Method.LastIndexOf('.') + 1)..].Replace('/', '.');
        return trail.RecordAsync(new AuditRecord(time.GetUtcNow(), principal, action, context.AuditAccount(), outcome, detail));
    }
}
