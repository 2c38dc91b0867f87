namespace ActorTrading.Grpc;

/// <summary>How the body of a call is framed on the wire.</summary>
internal enum GrpcWireMode
{
    NotGrpc = 0,
    Grpc = 1,
    GrpcWeb = 2,
    GrpcWebText = 3,
}
