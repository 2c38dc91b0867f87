using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ActorTrading.Grpc;

internal sealed class UnaryServerMethod<TService, TRequest, TResponse>(
    MethodDescriptor descriptor, Func<TService, TRequest, ServerCallContext, Task<TResponse>> invoker)
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
        var response = await invoker(service, request, context).ConfigureAwait(false);
        context.WriteMessage(response, null);
    }
}
