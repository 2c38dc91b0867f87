using Google.Protobuf;
using Grpc.Testing;

namespace ActorTrading.Grpc.Interop.Server;

/// <summary>The interop server features shared by every TestService method: metadata and status echo, payloads, compression.</summary>
internal static class InteropEcho
{
    public const string EchoInitialKey = "x-grpc-test-echo-initial";
    public const string EchoTrailingKey = "x-grpc-test-echo-trailing-bin";

    public static readonly WriteOptions Uncompressed = new(WriteFlags.NoCompress);

    /// <summary>Echo Metadata: sends x-grpc-test-echo-initial back in the response headers, and queues the trailing one.</summary>
    public static async Task EchoMetadataAsync(ServerCallContext call)
    {
        if (call.RequestHeaders.Get(EchoTrailingKey) is { } trailing)
        {
            call.ResponseTrailers.Add(trailing);
        }

        if (call.RequestHeaders.Get(EchoInitialKey) is { } initial)
        {
            await call.WriteResponseHeadersAsync(new Metadata().Add(initial)).ConfigureAwait(false);
        }
    }

    /// <summary>Echo Status: a non-OK response_status ends the call with that code and message.</summary>
    public static void ThrowIfEchoStatus(EchoStatus? status)
    {
        if (status is { Code: not 0 })
        {
            throw new RpcException(new Status((StatusCode)status.Code, status.Message));
        }
    }

    /// <summary>CompressedRequest: expect_compressed must match the compressed flag of the request message just read.</summary>
    public static void CheckCompression(ServerCallContext call, BoolValue? expectCompressed)
    {
        if (expectCompressed is null)
        {
            return;
        }

        if (expectCompressed.Value && !call.RequestMessageCompressed)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Expected a compressed request, but the message was not compressed."));
        }

        if (!expectCompressed.Value && call.RequestMessageCompressed)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Expected an uncompressed request, but the message was compressed."));
        }
    }

    /// <summary>
    /// CompressedResponse: gzip for the call when any response asks for compression (before the headers go out);
    /// the responses that do not ask are then written with NoCompress (<see cref="ResponseOptions"/>).
    /// </summary>
    public static void ChooseResponseCompression(ServerCallContext call, IEnumerable<BoolValue?> compressed)
    {
        if (compressed.Any(c => c is { Value: true }))
        {
            call.SetResponseCompression("gzip");
        }
    }

    public static WriteOptions? ResponseOptions(BoolValue? compressed) => compressed is { Value: true } ? null : Uncompressed;

    public static Payload Payload(PayloadType type, int size)
    {
        if (type != PayloadType.Compressable)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"Unsupported response_type {type}."));
        }

        if (size < 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"Negative payload size {size}."));
        }

        return new Payload { Type = type, Body = ByteString.CopyFrom(new byte[size]) };
    }
}
