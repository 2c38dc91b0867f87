using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;

namespace ActorTrading.Grpc;

/// <summary><c>grpc.reflection.v1.ServerReflection</c>.</summary>
public sealed class ReflectionService(ReflectionIndex index)
{
    public static ServiceDescriptor Descriptor => ReflectionReflection.Descriptor.Services[0];

    public async Task ServerReflectionInfo(
        IAsyncStreamReader<ServerReflectionRequest> requestStream, IServerStreamWriter<ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            await responseStream.WriteAsync(index.Handle(requestStream.Current), context.CancellationToken);
        }
    }
}
