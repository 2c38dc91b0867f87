using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ActorTrading.Grpc;

internal sealed class ClientStreamingServerMethod<TService, TRequest, TResponse>(
    MethodDescriptor descriptor, Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> invoker)
    : ServerMethod(descriptor)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly MessageParser<TRequest> _parser = (MessageParser<TRequest>)descriptor.InputType.Parser;

    protected override async Task InvokeAsync(ServerCallContext context)
    {
        var service = (TService)Activator.Get(context.HttpContext);
        var response = await invoker(service, new ServerStreamReader<TRequest>(context, _parser), context).ConfigureAwait(false);
        context.WriteMessage(response, null);
    }
}
