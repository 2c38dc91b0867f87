namespace ActorTrading.Grpc;

/// <summary>The four call shapes, derived from the streaming flags of a protobuf method.</summary>
public enum MethodType
{
    Unary = 0,
    ClientStreaming = 1,
    ServerStreaming = 2,
    DuplexStreaming = 3,
}
