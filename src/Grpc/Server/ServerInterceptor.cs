namespace ActorTrading.Grpc;

/// <summary>
/// Runs around every call (all four kinds): authentication, logging, metrics. Call <paramref name="next"/> to go on;
/// throw <see cref="RpcException"/> to refuse the call. Exceptions from the handler pass through <c>next</c>, so an
/// interceptor sees the final outcome. Interceptors are singletons; keep per-call data in <see cref="ServerCallContext.UserState"/>.
/// </summary>
public abstract class ServerInterceptor
{
    public abstract Task InterceptAsync(ServerCallContext context, ServerCallHandler next);
}
