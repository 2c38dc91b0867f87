using System.Diagnostics.CodeAnalysis;

namespace ActorTrading.Grpc;

/// <summary>Throws the protocol errors, keeping the hot methods small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void SendTooLarge(long size, int max) =>
        throw new RpcException(new Status(StatusCode.ResourceExhausted, $"Sending message exceeds the maximum configured message size ({size} > {max} bytes)."));

    [DoesNotReturn]
    public static void ReceiveTooLarge(long size, int max) =>
        throw new RpcException(new Status(StatusCode.ResourceExhausted, $"Received message exceeds the maximum configured message size ({size} > {max} bytes)."));

    [DoesNotReturn]
    public static void CompressedWithoutEncoding() =>
        throw new RpcException(new Status(StatusCode.Internal, "Received a compressed message but no grpc-encoding was negotiated."));

    [DoesNotReturn]
    public static void IncompleteMessage() =>
        throw new RpcException(new Status(StatusCode.Internal, "Incomplete message: the stream ended inside a frame."));

    [DoesNotReturn]
    public static void MissingRequestMessage() =>
        throw new RpcException(new Status(StatusCode.Internal, "The request ended without a message."));

    [DoesNotReturn]
    public static void AdditionalRequestMessage() =>
        throw new RpcException(new Status(StatusCode.Internal, "Additional data after the request message of a unary call."));
}
