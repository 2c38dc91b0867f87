using System.Buffers;
using System.Net.Http.Headers;

namespace ActorTrading.Grpc.Http2;

/// <summary>Encodes a request's header block: pseudo-headers first, then the request and content headers.</summary>
internal static class Http2RequestHeaders
{
    public static void Encode(IBufferWriter<byte> output, HttpRequestMessage request, string scheme, string authority)
    {
        if (request.Method != HttpMethod.Post)
        {
            throw new HttpRequestException($"The gRPC HTTP/2 transport only sends POST, not {request.Method}.");
        }

        HpackEncoder.WriteIndexed(output, HpackStaticTable.MethodPost);
        HpackEncoder.WriteIndexed(output, scheme == Uri.UriSchemeHttps ? HpackStaticTable.SchemeHttps : HpackStaticTable.SchemeHttp);
        HpackEncoder.WriteLiteral(output, HpackStaticTable.Path, request.RequestUri!.PathAndQuery);
        HpackEncoder.WriteLiteral(output, HpackStaticTable.Authority, authority);
        WriteAll(output, request.Headers);
        if (request.Content is { } content)
        {
            WriteAll(output, content.Headers);
        }
    }

    private static void WriteAll(IBufferWriter<byte> output, HttpHeaders headers)
    {
        foreach (var header in headers.NonValidated)
        {
            var name = header.Key;
            if (IsConnectionSpecific(name))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    HpackEncoder.WriteLiteral(output, HpackStaticTable.ContentType, value);
                }
                else if (string.Equals(name, "User-Agent", StringComparison.OrdinalIgnoreCase))
                {
                    HpackEncoder.WriteLiteral(output, HpackStaticTable.UserAgent, value);
                }
                else
                {
                    HpackEncoder.WriteLiteral(output, name, value);
                }
            }
        }
    }

    /// <summary>Headers HTTP/2 forbids (RFC 9113 §8.2.2) or carries as pseudo-headers.</summary>
    private static bool IsConnectionSpecific(string name) =>
        name.Equals("Host", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Connection", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Proxy-Connection", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase);
}
