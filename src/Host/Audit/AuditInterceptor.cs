using System.Collections.Frozen;
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

    /// <summary>The action names of the API's rpcs, made once (an unknown path is named per call and not kept).</summary>
    private static readonly FrozenDictionary<string, string> Actions =
        RpcPolicy.Methods.ToFrozenDictionary(m => m, ActionOf, StringComparer.Ordinal);

    private static string ActionOf(string method) => method[(method.LastIndexOf('.') + 1)..].Replace('/', '.');

    private ValueTask RecordAsync(ServerCallContext context, string outcome, string detail)
    {
        var principal = context.TryPrincipal()?.Principal ?? "(anonymous)";
        var action = Actions.TryGetValue(context.Method, out var known) ? known : ActionOf(context.Method);
        return trail.RecordAsync(new AuditRecord(time.GetUtcNow(), principal, action, context.AuditAccount(), outcome, detail));
    }
}
