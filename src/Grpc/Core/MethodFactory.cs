using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ActorTrading.Grpc;

/// <summary>Creates <see cref="Method{TRequest,TResponse}"/> from descriptors, checking the CLR types against the .proto.</summary>
public static class Method
{
    /// <summary>The typed method for <paramref name="descriptor"/>; throws if TRequest/TResponse are not its message types.</summary>
    public static Method<TRequest, TResponse> Create<TRequest, TResponse>(MethodDescriptor descriptor)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (descriptor.InputType.ClrType != typeof(TRequest) || descriptor.OutputType.ClrType != typeof(TResponse))
        {
            throw new ArgumentException(
                $"{PathOf(descriptor)} is ({descriptor.InputType.ClrType?.Name ?? descriptor.InputType.FullName}) -> " +
                $"{descriptor.OutputType.ClrType?.Name ?? descriptor.OutputType.FullName}, not ({typeof(TRequest).Name}) -> {typeof(TResponse).Name}.");
        }

        return new Method<TRequest, TResponse>(descriptor);
    }

    /// <summary>The method named <paramref name="name"/> of <paramref name="service"/>; throws if the .proto has no such rpc.</summary>
    public static Method<TRequest, TResponse> Create<TRequest, TResponse>(ServiceDescriptor service, string name)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(service);
        var descriptor = service.FindMethodByName(name)
            ?? throw new ArgumentException($"Service {service.FullName} has no rpc '{name}' (rpcs: {string.Join(", ", service.Methods.Select(m => m.Name))}).");
        return Create<TRequest, TResponse>(descriptor);
    }

    /// <summary>The call shape of a protobuf method.</summary>
    public static MethodType TypeOf(MethodDescriptor descriptor) =>
        (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            _ => MethodType.DuplexStreaming,
        };

    /// <summary>The HTTP/2 path of a protobuf method: <c>/package.Service/Method</c>.</summary>
    public static string PathOf(MethodDescriptor descriptor) => "/" + descriptor.Service.FullName + "/" + descriptor.Name;
}
