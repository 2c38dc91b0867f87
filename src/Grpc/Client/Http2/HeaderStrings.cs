using System.Text;

namespace ActorTrading.Grpc.Http2;

/// <summary>Header names and values as strings; the few that gRPC sends on every call are shared, not allocated.</summary>
internal static class HeaderStrings
{
    private static readonly string[] Common =
    [
        "grpc-status", "grpc-message", "content-type", "application/grpc", "grpc-encoding", "grpc-accept-encoding",
        "0", "identity", "gzip", "date", "server", "Kestrel", "application/grpc+proto", "te", "trailers",
    ];

    public static string Get(ReadOnlySpan<byte> bytes)
    {
        foreach (var common in Common)
        {
            if (common.Length == bytes.Length && Ascii.Equals(bytes, common))
            {
                return common;
            }
        }

        return Encoding.Latin1.GetString(bytes);
    }
}
