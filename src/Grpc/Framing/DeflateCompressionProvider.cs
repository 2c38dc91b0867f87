using System.IO.Compression;

namespace ActorTrading.Grpc;

/// <summary>gRPC's "deflate" is the zlib format (RFC 1950).</summary>
public sealed class DeflateCompressionProvider : ICompressionProvider
{
    public string EncodingName => "deflate";

    public Stream CreateCompressionStream(Stream output) => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true);

    public Stream CreateDecompressionStream(Stream input) => new ZLibStream(input, CompressionMode.Decompress, leaveOpen: true);
}
