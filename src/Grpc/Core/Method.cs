using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ActorTrading.Grpc;

/// <summary>
/// One RPC, typed, made from its protobuf <see cref="MethodDescriptor"/>: the path (<c>/package.Service/Method</c>),
/// the call shape and the parsers all come from the .proto, never from a hand-typed string.
/// </summary>
public sealed class Method<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    internal Method(MethodDescriptor descriptor)
    {
        Descriptor = descriptor;
        Type = Method.TypeOf(descriptor);
        FullName = Method.PathOf(descriptor);
        RequestParser = (MessageParser<TRequest>)descriptor.InputType.Parser;
        ResponseParser = (MessageParser<TResponse>)descriptor.OutputType.Parser;
    }

    public MethodDescriptor Descriptor { get; }

    public MethodType Type { get; }

    /// <summary>The HTTP/2 path: <c>/package.Service/Method</c>.</summary>
    public string FullName { get; }

    public string ServiceName => Descriptor.Service.FullName;

    public string Name => Descriptor.Name;

    public MessageParser<TRequest> RequestParser { get; }

    public MessageParser<TResponse> ResponseParser { get; }

    public override string ToString() => FullName;
}
