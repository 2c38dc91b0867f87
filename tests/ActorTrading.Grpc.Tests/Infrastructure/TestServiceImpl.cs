using ActorTrading.Grpc.Tests.Protos;
using Google.Protobuf.Reflection;

namespace ActorTrading.Grpc.Tests.Infrastructure;

/// <summary>The test service: echoes by default, or runs the hooks a test sets.</summary>
public sealed class TestServiceImpl(TestHooks hooks)
{
    public static ServiceDescriptor Descriptor => TestServiceReflection.Descriptor.Services.Single(s => s.Name == "TestService");

    public Task<EchoReply> Unary(EchoRequest request, ServerCallContext context) =>
        hooks.Unary?.Invoke(request, context) ?? Task.FromResult(new EchoReply { Text = request.Text, Payload = request.Payload });

    public async Task ServerStream(EchoRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        if (hooks.ServerStream is { } hook)
        {
            await hook(request, responseStream, context);
            return;
        }

        for (var i = 0; i < request.Count; i++)
        {
            await responseStream.WriteAsync(new EchoReply { Text = request.Text, Index = i });
        }
    }

    public async Task<EchoReply> ClientStream(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
    {
        if (hooks.ClientStream is { } hook)
        {
            return await hook(requestStream, context);
        }

        var texts = new List<string>();
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            texts.Add(request.Text);
        }

        return new EchoReply { Text = string.Join(",", texts), Index = texts.Count };
    }

    public async Task Duplex(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        if (hooks.Duplex is { } hook)
        {
            await hook(requestStream, responseStream, context);
            return;
        }

        var index = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(new EchoReply { Text = request.Text, Index = index++ });
        }
    }
}
