namespace ActorTrading.Grpc;

/// <summary>
/// Runs before every call of a channel: it may add request metadata (e.g. <c>authorization</c>), change the options,
/// or refuse the call by throwing <see cref="RpcException"/>. Return the options to use.
/// </summary>
public abstract class ClientInterceptor
{
    public abstract CallOptions OnCall(string method, MethodType type, CallOptions options);
}
