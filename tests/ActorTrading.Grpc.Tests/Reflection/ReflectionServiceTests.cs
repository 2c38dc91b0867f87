using ActorTrading.Grpc.Tests.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace ActorTrading.Grpc.Tests.Reflection;

public sealed class ReflectionServiceTests
{
    private static readonly Method<V1.ServerReflectionRequest, V1.ServerReflectionResponse> InfoV1 =
        Method.Create<V1.ServerReflectionRequest, V1.ServerReflectionResponse>(ReflectionService.Descriptor, "ServerReflectionInfo");

    private static readonly Method<V1Alpha.ServerReflectionRequest, V1Alpha.ServerReflectionResponse> InfoV1Alpha =
        Method.Create<V1Alpha.ServerReflectionRequest, V1Alpha.ServerReflectionResponse>(ReflectionServiceV1Alpha.Descriptor, "ServerReflectionInfo");

    [Fact]
    public async Task ListServices_V1_NamesEveryBoundService()
    {
        await using var host = await GrpcTestHost.StartAsync(grpc: g => g.AddHealth().AddReflection());

        var response = await AskV1(host, new V1.ServerReflectionRequest { ListServices = "" });

        Assert.Equal(
            ["actortrading.grpc.tests.TestService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"],
            response.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Fact]
    public async Task FileContainingSymbol_V1_ReturnsTheFileThatDefinesIt()
    {
        await using var host = await GrpcTestHost.StartAsync(grpc: g => g.AddReflection());

        var response = await AskV1(host, new V1.ServerReflectionRequest { FileContainingSymbol = "actortrading.grpc.tests.EchoRequest" });
        var file = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]);

        Assert.Equal("test_service.proto", file.Name);
        Assert.Contains(file.Service, s => s.Name == "TestService");
    }

    [Fact]
    public async Task FileByFilename_WithImports_IncludesTransitiveDependencies()
    {
        await using var host = await GrpcTestHost.StartAsync(grpc: g => g.AddService<TimedService>(TimedService.Descriptor).AddReflection());

        var response = await AskV1(host, new V1.ServerReflectionRequest { FileByFilename = "timed_service.proto" });
        var names = response.FileDescriptorResponse.FileDescriptorProto.Select(b => FileDescriptorProto.Parser.ParseFrom(b).Name).ToArray();

        Assert.Equal("timed_service.proto", names[0]);
        Assert.Contains("google/protobuf/timestamp.proto", names);
        Assert.Contains("test_service.proto", names);
    }

    [Fact]
    public async Task FileContainingSymbol_Unknown_ErrorResponseNotFound()
    {
        await using var host = await GrpcTestHost.StartAsync(grpc: g => g.AddReflection());

        var response = await AskV1(host, new V1.ServerReflectionRequest { FileContainingSymbol = "no.Such" });

        Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task FileContainingSymbol_V1Alpha_SameAnswerAsV1()
    {
        await using var host = await GrpcTestHost.StartAsync(grpc: g => g.AddReflection());

        using var call = host.Client.DuplexStreaming(InfoV1Alpha);
        await call.RequestStream.WriteAsync(new V1Alpha.ServerReflectionRequest { FileContainingSymbol = "actortrading.grpc.tests.TestService.Unary" });
        await call.RequestStream.WriteAsync(new V1Alpha.ServerReflectionRequest { ListServices = "*" });
        await call.RequestStream.CompleteAsync();
        var responses = new List<V1Alpha.ServerReflectionResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            responses.Add(response);
        }

        Assert.Equal("test_service.proto", FileDescriptorProto.Parser.ParseFrom(responses[0].FileDescriptorResponse.FileDescriptorProto[0]).Name);
        Assert.Contains(responses[1].ListServicesResponse.Service, s => s.Name == "grpc.reflection.v1alpha.ServerReflection");
    }

    private static async Task<V1.ServerReflectionResponse> AskV1(GrpcTestHost host, V1.ServerReflectionRequest request)
    {
        using var call = host.Client.DuplexStreaming(InfoV1);
        await call.RequestStream.WriteAsync(request);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var response = call.ResponseStream.Current;
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(request.ToByteString(), response.OriginalRequest.ToByteString());
        return response;
    }
}
