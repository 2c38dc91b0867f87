using Google.Protobuf;

namespace ActorTrading.Grpc;

/// <summary>
/// Makes calls on a <see cref="GrpcChannel"/> for any <see cref="Method{TRequest,TResponse}"/> (paths and types come from
/// the descriptor). Typed service clients are thin wrappers over this. Thread-safe; cheap to create.
/// </summary>
public sealed class GrpcClient(GrpcChannel channel)
{
    public GrpcChannel Channel { get; } = channel ?? throw new ArgumentNullException(nameof(channel));

    /// <summary>The fast path: a unary call, just the response (non-OK status throws <see cref="RpcException"/>).</summary>
    public Task<TResponse> UnaryAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ClientCall<TRequest, TResponse>? call = null;
        try
        {
            Expect(method, MethodType.Unary);
            call = new ClientCall<TRequest, TResponse>(Channel, method, options, ownCancellation: false);
            call.Start(request);
        }
        catch (Exception ex)
        {
            call?.Dispose();
            return Task.FromException<TResponse>(ex); // as an async method would: every failure is in the task
        }

        return call.ReadUnaryAsync(disposeWhenDone: true);
    }

    /// <summary>A unary call with access to response headers, status and trailers.</summary>
    public AsyncUnaryCall<TResponse> UnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        Expect(method, MethodType.Unary);
        var call = new ClientCall<TRequest, TResponse>(Channel, method, options, ownCancellation: true);
        call.Start(request);
        return new AsyncUnaryCall<TResponse>(call.ReadUnaryAsync(), call);
    }

    public AsyncServerStreamingCall<TResponse> ServerStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        Expect(method, MethodType.ServerStreaming);
        var call = new ClientCall<TRequest, TResponse>(Channel, method, options, ownCancellation: true);
        call.Start(request);
        return new AsyncServerStreamingCall<TResponse>(new ClientStreamReader<TRequest, TResponse>(call), call);
    }

    public AsyncClientStreamingCall<TRequest, TResponse> ClientStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        Expect(method, MethodType.ClientStreaming);
        var call = new ClientCall<TRequest, TResponse>(Channel, method, options, ownCancellation: true);
        call.Start(null);
        return new AsyncClientStreamingCall<TRequest, TResponse>(call, call.ReadUnaryAsync(), call);
    }

    public AsyncDuplexStreamingCall<TRequest, TResponse> DuplexStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        Expect(method, MethodType.DuplexStreaming);
        var call = new ClientCall<TRequest, TResponse>(Channel, method, options, ownCancellation: true);
        call.Start(null);
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(call, new ClientStreamReader<TRequest, TResponse>(call), call);
    }

    private static void Expect<TRequest, TResponse>(Method<TRequest, TResponse> method, MethodType type)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.Type != type)
        {
            throw new ArgumentException($"{method.FullName} is {method.Type} in its .proto; it cannot be called as {type}.", nameof(method));
        }
    }
}
