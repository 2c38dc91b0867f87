using ActorTrading.Grpc;
using ActorTrading.Host.Configuration;
using Microsoft.Extensions.Options;

namespace ActorTrading.Host.Security;

/// <summary>
/// Authenticates every call but health and reflection (<c>authorization: Bearer &lt;key&gt;</c>; missing or unknown →
/// UNAUTHENTICATED) and checks the role against <see cref="RpcPolicy"/> (PERMISSION_DENIED). Account grants are
/// checked by the handler through <see cref="AccountAccess"/>, which knows the request. The remoting stream between nodes
/// is opened by the <see cref="ClusterSecret"/> only.
/// </summary>
public sealed class AuthInterceptor(ApiKeyAuthenticator authenticator, IOptions<NodeOptions> options) : ServerInterceptor
{
    private readonly ClusterSecret _clusterSecret = new(options.Value);

    public override async Task InterceptAsync(ServerCallContext context, ServerCallHandler next)
    {
        var rule = RpcPolicy.For(context.Method);
        if (rule.Needs == Capability.Public)
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        if (rule.Needs == Capability.Admin && ClusterSecret.IsRemoting(context.Method))
        {
            if (!_clusterSecret.Matches(BearerKey(context.RequestHeaders.GetValue("authorization"))))
                throw new RpcException(new Status(StatusCode.Unauthenticated, "remoting needs 'authorization: Bearer <cluster secret>' (Node:Cluster:Secret); API keys do not open it"));
            await next(context).ConfigureAwait(false);
            return;
        }
        var key = BearerKey(context.RequestHeaders.GetValue("authorization"))
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "missing 'authorization: Bearer <api key>' metadata"));
        var principal = await authenticator.AuthenticateAsync(key, context.CancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "the API key is unknown or revoked"));
        context.SetPrincipal(principal);
        if (!RpcPolicy.Allows(principal.Role, rule.Needs))
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"role {RoleNames.Of(principal.Role)} of '{principal.Principal}' may not call {context.Method} (needs {rule.Needs.ToString().ToLowerInvariant()})"));
        await next(context).ConfigureAwait(false);
    }

    public static string? BearerKey(string? header)
    {
        if (header is null) return null;
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var key = header[scheme.Length..].Trim();
        return key.Length == 0 ? null : key;
    }
}
