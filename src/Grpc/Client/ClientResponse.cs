using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace ActorTrading.Grpc;

/// <summary>Reads status and metadata out of an HTTP response (headers, Trailers-Only, trailers).</summary>
internal static class ClientResponse
{
    /// <summary>The status an HTTP response carries before its body: from the HTTP status, the content type or Trailers-Only; null for a normal response.</summary>
    public static Status? EarlyStatus(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return ReadStatus(response.Headers) ??
                new Status(HttpStatusMapping.ToStatusCode(response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}");
        }

        if (ReadStatus(response.Headers) is { } trailersOnly)
        {
            return trailersOnly;
        }

        var contentType = response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var values) ? values.ToString() : null;
        return GrpcProtocol.IsGrpcContentType(contentType)
            ? null
            : new Status(StatusCode.Unknown, $"Bad gRPC response. Invalid content-type value: {contentType ?? "(none)"}");
    }

    public static Status? ReadStatus(HttpHeaders headers)
    {
        var nonValidated = headers.NonValidated;
        if (!nonValidated.TryGetValues(GrpcProtocol.StatusHeader, out var statusValues))
        {
            return null;
        }

        if (!int.TryParse(statusValues.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return new Status(StatusCode.Unknown, $"Unexpected grpc-status value: {statusValues}");
        }

        var detail = nonValidated.TryGetValues(GrpcProtocol.MessageHeader, out var messageValues)
            ? PercentEncoding.Decode(messageValues.ToString())
            : "";
        return new Status((StatusCode)code, detail);
    }

    public static Metadata ToMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers.NonValidated)
        {
            foreach (var value in header.Value)
            {
                var key = header.Key.ToLowerInvariant();
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
        }

        return metadata;
    }

    public static string? Encoding(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues(GrpcProtocol.EncodingHeader, out var values) ? values.ToString() : null;
}
