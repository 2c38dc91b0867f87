using ActorTrading.Grpc.Tests.Protos;

namespace ActorTrading.Grpc.Tests.Infrastructure;

/// <summary>The typed methods of the test service, made from its descriptor.</summary>
public static class TestMethods
{
    public static readonly Method<EchoRequest, EchoReply> Unary = Method.Create<EchoRequest, EchoReply>(TestServiceImpl.Descriptor, "Unary");
    public static readonly Method<EchoRequest, EchoReply> ServerStream = Method.Create<EchoRequest, EchoReply>(TestServiceImpl.Descriptor, "ServerStream");
    public static readonly Method<EchoRequest, EchoReply> ClientStream = Method.Create<EchoRequest, EchoReply>(TestServiceImpl.Descriptor, "ClientStream");
    public static readonly Method<EchoRequest, EchoReply> Duplex = Method.Create<EchoRequest, EchoReply>(TestServiceImpl.Descriptor, "Duplex");
}
