using ActorTrading.Actors.Ports;
using ActorTrading.Grpc;

namespace ActorTrading.Host.Security;

/// <summary>The authenticated principal of a call, put in <see cref="ServerCallContext.UserState"/> by <see cref="AuthInterceptor"/>.</summary>
public static class CallPrincipal
{
    private static readonly object Key = new();

    public static void SetPrincipal(this ServerCallContext context, ApiPrincipal principal) => context.UserState[Key] = principal;

    public static ApiPrincipal Principal(this ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var p) ? (ApiPrincipal)p
            : throw new RpcException(new Status(StatusCode.Unauthenticated, "no authenticated principal"));

    public static ApiPrincipal? TryPrincipal(this ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var p) ? (ApiPrincipal)p : null;
}
