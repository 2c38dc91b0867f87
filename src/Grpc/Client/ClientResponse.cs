using System.Globalization;
using System.Net;

namespace ActorTrading.Grpc;

/// <summary>Reads status and metadata out of response header lists (headers, Trailers-Only, trailers); names are lower case.</summary>
internal static class ClientResponse
{
    /// <summary>The status a response carries before its body: from the HTTP status, the content type or Trailers-Only; null for a normal response.</summary>
    public static Status? EarlyStatus(int httpStatus, List<KeyValuePair<string, string>> headers)
    {
        if (httpStatus != 200)
        {
            return ReadStatus(headers) ??
                new Status(HttpStatusMapping.ToStatusCode((HttpStatusCode)httpStatus), $"Bad gRPC response. HTTP status code: {httpStatus}");
        }

        if (ReadStatus(headers) is { } trailersOnly)
        {
            return trailersOnly;
        }

        var contentType = Find(headers, "content-type");
        return GrpcProtocol.IsGrpcContentType(contentType)
            ? null
            : new Status(StatusCode.Unknown, $"Bad gRPC response. Invalid content-type value: {contentType ?? "(none)"}");
    }

    public static Status? ReadStatus(List<KeyValuePair<string, string>> headers)
    {
        if (Find(headers, GrpcProtocol.StatusHeader) is not { } statusValue)
        {
            return null;
        }

        if (!int.TryParse(statusValue, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return new Status(StatusCode.Unknown, $"Unexpected grpc-status value: {statusValue}");
        }

        var detail = Find(headers, GrpcProtocol.MessageHeader) is { } message ? PercentEncoding.Decode(message) : "";
        return new Status((StatusCode)code, detail);
    }

    /// <summary>The value of a header; several values are joined with ", " (as HTTP reads a repeated header).</summary>
    public static string? Find(List<KeyValuePair<string, string>> headers, string name)
    {
        string? found = null;
        foreach (var (key, value) in headers)
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                found = found is null ? value : found + ", " + value;
            }
        }

        return found;
    }

    public static Metadata ToMetadata(List<KeyValuePair<string, string>> headers)
    {
        var metadata = new Metadata();
        foreach (var (key, value) in headers)
        {
            if (GrpcProtocol.IsReservedHeader(key))
            {
                continue;
            }

            if (MetadataEntry.IsBinaryKey(key) && value.Contains(','))
            {
                foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    metadata.Add(MetadataCodec.FromHeader(key, part));
                }
            }
            else
            {
                metadata.Add(MetadataCodec.FromHeader(key, value));
            }
        }

        return metadata;
    }

    public static string? Encoding(List<KeyValuePair<string, string>> headers) => Find(headers, GrpcProtocol.EncodingHeader);
}
