using ActorTrading.Grpc.Tests.Infrastructure;
using ActorTrading.Grpc.Tests.Protos;
using Microsoft.Extensions.DependencyInjection;

namespace ActorTrading.Grpc.Tests.Server;

public sealed class ServiceBinderTests
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Other =
        TestServiceReflection.Descriptor.Services.Single(s => s.Name == "OtherService");

    [Fact]
    public void AddService_MissingMethod_ThrowsNamingTheRpcAndTheSignatureToAdd()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddGrpc().AddService<MissingStream>(Other));

        Assert.Contains("rpc Stream (ServerStreaming) has no method", ex.Message);
        Assert.Contains("Task Stream(EchoRequest, IServerStreamWriter<EchoReply>, ServerCallContext)", ex.Message);
    }

    [Fact]
    public void AddService_WrongResponseType_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddGrpc().AddService<WrongType>(Other));

        Assert.Contains("rpc Unary (Unary) must be 'Task<EchoReply> Unary(EchoRequest, ServerCallContext)'", ex.Message);
    }

    [Fact]
    public void AddService_UnaryImplementedAsStreaming_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddGrpc().AddService<WrongKind>(Other));

        Assert.Contains("rpc Stream (ServerStreaming) must be", ex.Message);
    }

    [Fact]
    public void AddService_ExtraHandlerNotInProto_ThrowsAsLikelyTypo()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddGrpc().AddService<Typo>(Other));

        Assert.Contains("Typo.Strem takes a ServerCallContext but actortrading.grpc.tests.OtherService has no rpc 'Strem'", ex.Message);
    }

    [Fact]
    public void AddService_SameServiceTwice_Throws()
    {
        var builder = new ServiceCollection().AddGrpc().AddService<TestServiceImpl>(TestServiceImpl.Descriptor);

        Assert.Throws<InvalidOperationException>(() => builder.AddService<TestServiceImpl>(TestServiceImpl.Descriptor));
    }

    [Fact]
    public void Create_MethodWithWrongMessageTypes_Throws()
    {
        Assert.Throws<ArgumentException>(() => Method.Create<EchoReply, EchoRequest>(TestServiceImpl.Descriptor, "Unary"));
        Assert.Throws<ArgumentException>(() => Method.Create<EchoRequest, EchoReply>(TestServiceImpl.Descriptor, "Nope"));
    }

    [Fact]
    public void Create_FromDescriptor_PathAndKindComeFromTheProto()
    {
        Assert.Equal("/actortrading.grpc.tests.TestService/Duplex", TestMethods.Duplex.FullName);
        Assert.Equal(MethodType.DuplexStreaming, TestMethods.Duplex.Type);
        Assert.Equal(MethodType.ClientStreaming, TestMethods.ClientStream.Type);
    }

    [Fact]
    public async Task ServerStreaming_CalledWithUnaryMethod_ThrowsBeforeSending()
    {
        await using var host = await GrpcTestHost.StartAsync();

        Assert.Throws<ArgumentException>(() => host.Client.ServerStreaming(TestMethods.Unary, new EchoRequest()));
    }

    public sealed class MissingStream
    {
        public Task<EchoReply> Unary(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());
    }

    public sealed class WrongType
    {
        public Task<EchoRequest> Unary(EchoRequest request, ServerCallContext context) => Task.FromResult(request);

        public Task Stream(EchoRequest request, IServerStreamWriter<EchoReply> writer, ServerCallContext context) => Task.CompletedTask;
    }

    public sealed class WrongKind
    {
        public Task<EchoReply> Unary(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());

        public Task<EchoReply> Stream(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());
    }

    public sealed class Typo
    {
        public Task<EchoReply> Unary(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());

        public Task Stream(EchoRequest request, IServerStreamWriter<EchoReply> writer, ServerCallContext context) => Task.CompletedTask;

        public Task Strem(EchoRequest request, IServerStreamWriter<EchoReply> writer, ServerCallContext context) => Task.CompletedTask;
    }
}
