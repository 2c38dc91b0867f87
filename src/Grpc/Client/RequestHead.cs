namespace ActorTrading.Grpc;

/// <summary>
/// What a call puts in its request HEADERS besides the pseudo-headers: written straight into the header block by our
/// transport, or turned into an <see cref="HttpRequestMessage"/> for any other handler. Content type and
/// <c>te: trailers</c> are always sent.
/// </summary>
internal readonly record struct RequestHead(
    string Path,
    string UserAgent,
    string AcceptEncoding,
    string? Encoding,
    string? Timeout,
    Metadata? Metadata)
{
    /// <summary>Request metadata that picks the request encoding of one call (as in grpc-dotnet); never sent.</summary>
    public const string InternalEncodingRequest = "grpc-internal-encoding-request";

    /// <summary>The user's metadata that goes on the wire (everything but the never-sent encoding switch).</summary>
    public static bool IsSent(MetadataEntry entry) => entry.Key != InternalEncodingRequest;
}
