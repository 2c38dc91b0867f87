using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ActorTrading.Grpc;

/// <summary>gRPC-Web sends trailers in the body: a frame with flag 0x80 holding "key:value\r\n" lines.</summary>
internal static class WebTrailerFrame
{
    public static byte[] Create(IHeaderDictionary trailers)
    {
        var text = new StringBuilder();
        foreach (var header in trailers)
        {
            foreach (var value in header.Value)
            {
                text.Append(header.Key.ToLowerInvariant()).Append(':').Append(value).Append("\r\n");
            }
        }

        var length = Encoding.ASCII.GetByteCount(text.ToString());
        var frame = new byte[GrpcProtocol.FrameHeaderSize + length];
        frame[0] = 0x80;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)length);
        Encoding.ASCII.GetBytes(text.ToString(), frame.AsSpan(GrpcProtocol.FrameHeaderSize));
        return frame;
    }

    /// <summary>Writes the frame as is (grpc-web) or base64 (grpc-web-text).</summary>
    public static void Write(HttpResponse response, byte[] frame, bool text)
    {
        if (!text)
        {
            response.BodyWriter.Write(frame);
            return;
        }

        var encoded = Encoding.ASCII.GetBytes(Convert.ToBase64String(frame));
        response.BodyWriter.Write(encoded);
    }
}
