using ActorTrading.Grpc.Tests.Protos;

namespace ActorTrading.Grpc.Tests.Infrastructure;

/// <summary>Per-test behaviour of <see cref="TestServiceImpl"/>; null = the default echo behaviour.</summary>
public sealed class TestHooks
{
    public Func<EchoRequest, ServerCallContext, Task<EchoReply>>? Unary { get; set; }

    public Func<EchoRequest, IServerStreamWriter<EchoReply>, ServerCallContext, Task>? ServerStream { get; set; }

    public Func<IAsyncStreamReader<EchoRequest>, ServerCallContext, Task<EchoReply>>? ClientStream { get; set; }

    public Func<IAsyncStreamReader<EchoRequest>, IServerStreamWriter<EchoReply>, ServerCallContext, Task>? Duplex { get; set; }
}
