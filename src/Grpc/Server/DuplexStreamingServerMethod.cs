using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ActorTrading.Grpc;

internal sealed class DuplexStreamingServerMethod<TService, TRequest, TResponse>(
    MethodDescriptor descriptor, Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker)
    : ServerMethod(descriptor)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly MessageParser<TRequest> _parser = (MessageParser<TRequest>)descriptor.InputType.Parser;

    protected override async Task InvokeAsync(ServerCallContext context)
    {
        var service = (TService)Activator.Get(context.HttpContext);
        await invoker(service, new ServerStreamReader<TRequest>(context, _parser), new ServerStreamWriter<TResponse>(context), context)
            .ConfigureAwait(false);
    }
}
