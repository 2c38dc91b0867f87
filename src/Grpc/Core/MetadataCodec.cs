using System.Buffers.Text;
using Microsoft.Extensions.Primitives;

namespace ActorTrading.Grpc;

/// <summary>Converts metadata to and from HTTP header values. Binary values are sent base64 with padding (as grpc-dotnet does) and read padded or not.</summary>
internal static class MetadataCodec
{
    public static string ToHeaderValue(MetadataEntry entry) =>
        entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value;

    public static MetadataEntry FromHeader(string key, string value) =>
        MetadataEntry.IsBinaryKey(key) ? new MetadataEntry(key, DecodeBase64(value)) : new MetadataEntry(key, value);

    /// <summary>Adds every non-reserved header; a header with several values (comma-joined or repeated) gives one entry each for -bin keys.</summary>
    public static void AddHeaders(Metadata target, string key, StringValues values)
    {
        if (GrpcProtocol.IsReservedHeader(key))
        {
            return;
        }

        var binary = MetadataEntry.IsBinaryKey(key);
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }

            if (binary && value.Contains(','))
            {
                foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    target.Add(new MetadataEntry(key, DecodeBase64(part)));
                }
            }
            else
            {
                target.Add(FromHeader(key, value));
            }
        }
    }

    public static byte[] DecodeBase64(string value)
    {
        var trimmed = value.Trim();
        var padding = (4 - trimmed.Length % 4) % 4;
        if (padding == 3)
        {
            throw new FormatException($"'{value}' is not base64.");
        }

        var padded = padding == 0 ? trimmed : trimmed + new string('=', padding);
        if (padded.Contains('-') || padded.Contains('_'))
        {
            padded = padded.Replace('-', '+').Replace('_', '/');
        }

        var buffer = new byte[Base64.GetMaxDecodedFromUtf8Length(padded.Length)];
        return Convert.TryFromBase64String(padded, buffer, out var written)
            ? buffer.AsSpan(0, written).ToArray()
            : throw new FormatException($"'{value}' is not base64.");
    }
}
