using Google.Protobuf.Reflection;

namespace ActorTrading.Grpc;

/// <summary>One bound rpc: its descriptor, the interceptor pipeline around it, and how to invoke the service method.</summary>
internal abstract class ServerMethod
{
    private ServerCallHandler? _pipeline;

    protected ServerMethod(MethodDescriptor descriptor)
    {
        Descriptor = descriptor;
        Path = Method.PathOf(descriptor);
        Type = Method.TypeOf(descriptor);
    }

    public MethodDescriptor Descriptor { get; }

    public string Path { get; }

    public MethodType Type { get; }

    /// <summary>The interceptors then <see cref="InvokeAsync"/>; composed once at start-up.</summary>
    public ServerCallHandler Pipeline => _pipeline ?? throw new InvalidOperationException($"{Path} was not initialized.");

    internal ServiceActivator Activator { get; private set; } = null!;

    public void Initialize(ServiceActivator activator, IReadOnlyList<ServerInterceptor> interceptors)
    {
        Activator = activator;
        ServerCallHandler next = InvokeAsync;
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            var interceptor = interceptors[i];
            var inner = next;
            next = context => interceptor.InterceptAsync(context, inner);
        }

        _pipeline = next;
    }

    /// <summary>Reads the request (unary, server streaming), calls the service method, writes the response (unary, client streaming).</summary>
    protected abstract Task InvokeAsync(ServerCallContext context);
}
