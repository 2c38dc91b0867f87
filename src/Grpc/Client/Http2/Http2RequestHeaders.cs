using System.Buffers;
using System.Net.Http.Headers;

namespace ActorTrading.Grpc.Http2;

/// <summary>
/// Encodes a request's header block: pseudo-headers first, then the request and content headers. With a connection's
/// <see cref="HpackEncoderTable"/>, the fields every call repeats are indexed (the rest, e.g. user metadata and
/// grpc-timeout, stay literals without indexing so they cannot push the useful entries out); without one, all literals.
/// </summary>
internal static class Http2RequestHeaders
{
    public static void Encode(IBufferWriter<byte> output, HttpRequestMessage request, string scheme, string authority, HpackEncoderTable? table = null)
    {
        if (request.Method != HttpMethod.Post)
        {
            throw new HttpRequestException($"The gRPC HTTP/2 transport only sends POST, not {request.Method}.");
        }

        var path = request.RequestUri!.PathAndQuery;
        if (table is not null)
        {
            // The table must stay in step with the peer's: check everything before the first entry is added.
            CheckAll(request, path, authority);
            table.BeginBlock(output);
        }

        HpackEncoder.WriteIndexed(output, HpackStaticTable.MethodPost);
        HpackEncoder.WriteIndexed(output, scheme == Uri.UriSchemeHttps ? HpackStaticTable.SchemeHttps : HpackStaticTable.SchemeHttp);
        Write(output, table, HpackStaticTable.Path, ":path", path);
        Write(output, table, HpackStaticTable.Authority, ":authority", authority);
        WriteAll(output, request.Headers, table);
        if (request.Content is { } content)
        {
            WriteAll(output, content.Headers, table);
        }
    }

    /// <summary>A gRPC call's block, straight from its <see cref="RequestHead"/> (no HttpRequestMessage).</summary>
    public static void Encode(IBufferWriter<byte> output, in RequestHead head, string scheme, string authority, HpackEncoderTable? table = null)
    {
        if (table is not null)
        {
            // The table must stay in step with the peer's: check everything before the first entry is added.
            CheckAll(head, authority);
            table.BeginBlock(output);
        }

        HpackEncoder.WriteIndexed(output, HpackStaticTable.MethodPost);
        HpackEncoder.WriteIndexed(output, scheme == Uri.UriSchemeHttps ? HpackStaticTable.SchemeHttps : HpackStaticTable.SchemeHttp);
        Write(output, table, HpackStaticTable.Path, ":path", head.Path);
        Write(output, table, HpackStaticTable.Authority, ":authority", authority);
        WriteIndexable(output, table, "te", "trailers");
        if (head.Timeout is { } timeout)
        {
            HpackEncoder.WriteLiteral(output, GrpcProtocol.TimeoutHeader, timeout);
        }

        Write(output, table, HpackStaticTable.ContentType, "content-type", GrpcProtocol.ContentType);
        if (head.Encoding is { } encoding)
        {
            WriteIndexable(output, table, GrpcProtocol.EncodingHeader, encoding);
        }

        WriteIndexable(output, table, GrpcProtocol.AcceptEncodingHeader, head.AcceptEncoding);
        Write(output, table, HpackStaticTable.UserAgent, "user-agent", head.UserAgent);
        if (head.Metadata is { } metadata)
        {
            foreach (var entry in metadata)
            {
                if (RequestHead.IsSent(entry))
                {
                    HpackEncoder.WriteLiteral(output, entry.Key, MetadataCodec.ToHeaderValue(entry));
                }
            }
        }
    }

    private static void WriteIndexable(IBufferWriter<byte> output, HpackEncoderTable? table, string name, string value)
    {
        if (table is null)
        {
            HpackEncoder.WriteLiteral(output, name, value);
        }
        else
        {
            table.WriteField(output, 0, name, value);
        }
    }

    private static void CheckAll(in RequestHead head, string authority)
    {
        HpackEncoder.Check(head.Path);
        HpackEncoder.Check(authority);
        HpackEncoder.Check(head.UserAgent);
        HpackEncoder.Check(head.AcceptEncoding);
        if (head.Encoding is { } encoding)
        {
            HpackEncoder.Check(encoding);
        }

        if (head.Metadata is { } metadata)
        {
            foreach (var entry in metadata)
            {
                if (!entry.IsBinary)
                {
                    HpackEncoder.Check(entry.Value); // keys are checked by MetadataEntry; binary values go out as base64
                }
            }
        }
    }

    private static void WriteAll(IBufferWriter<byte> output, HttpHeaders headers, HpackEncoderTable? table)
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
                    Write(output, table, HpackStaticTable.ContentType, "content-type", value);
                }
                else if (string.Equals(name, "User-Agent", StringComparison.OrdinalIgnoreCase))
                {
                    Write(output, table, HpackStaticTable.UserAgent, "user-agent", value);
                }
                else if (table is not null && IndexedName(name) is { } lower)
                {
                    table.WriteField(output, 0, lower, value);
                }
                else
                {
                    HpackEncoder.WriteLiteral(output, name, value);
                }
            }
        }
    }

    private static void Write(IBufferWriter<byte> output, HpackEncoderTable? table, int staticNameIndex, string name, string value)
    {
        if (table is null)
        {
            HpackEncoder.WriteLiteral(output, staticNameIndex, value);
        }
        else
        {
            table.WriteField(output, staticNameIndex, name, value);
        }
    }

    /// <summary>The lower-case name of a header worth indexing (same value on every call), or null.</summary>
    private static string? IndexedName(string name) =>
        name.Equals("te", StringComparison.OrdinalIgnoreCase) ? "te"
        : name.Equals(GrpcProtocol.AcceptEncodingHeader, StringComparison.OrdinalIgnoreCase) ? GrpcProtocol.AcceptEncodingHeader
        : name.Equals(GrpcProtocol.EncodingHeader, StringComparison.OrdinalIgnoreCase) ? GrpcProtocol.EncodingHeader
        : null;

    private static void CheckAll(HttpRequestMessage request, string path, string authority)
    {
        HpackEncoder.Check(path);
        HpackEncoder.Check(authority);
        CheckAll(request.Headers);
        if (request.Content is { } content)
        {
            CheckAll(content.Headers);
        }
    }

    private static void CheckAll(HttpHeaders headers)
    {
        foreach (var header in headers.NonValidated)
        {
            HpackEncoder.Check(header.Key);
            foreach (var value in header.Value)
            {
                HpackEncoder.Check(value);
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
