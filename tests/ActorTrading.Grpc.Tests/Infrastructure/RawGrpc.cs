using System.Buffers.Binary;
using System.Net;
using Google.Protobuf;

namespace ActorTrading.Grpc.Tests.Infrastructure;

/// <summary>Hand-made HTTP requests for what our client would never send (odd headers, other content types, HTTP/1.1).</summary>
public static class RawGrpc
{
    public static byte[] Frame(IMessage message, byte flags = 0) => Frame(message.ToByteArray(), flags);

    public static byte[] Frame(byte[] payload, byte flags = 0)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static HttpRequestMessage Request(Uri address, string path, byte[] body, string contentType = GrpcProtocol.ContentType, Version? version = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path))
        {
            Version = version ?? HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return request;
    }

    public static HttpClient Client() => new(new SocketsHttpHandler { UseProxy = false });

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) :
        response.TrailingHeaders.TryGetValues(name, out var trailers) ? string.Join(",", trailers) : null;
}
