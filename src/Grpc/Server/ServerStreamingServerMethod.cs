using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ActorTrading.Grpc;

internal sealed class ServerStreamingServerMethod<TService, TRequest, TResponse>(
    MethodDescriptor descriptor, Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker)
    : ServerMethod(descriptor)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly MessageParser<TRequest> _parser = (MessageParser<TRequest>)descriptor.InputType.Parser;

    protected override async Task InvokeAsync(ServerCallContext context)
    {
        var request = await context.ReadSingleMessageAsync(_parser).ConfigureAwait(false);
        var service = (TService)Activator.Get(context.HttpContext);
        await invoker(service, request, new ServerStreamWriter<TResponse>(context), context).ConfigureAwait(false);
    }
}
