namespace ActorTrading.Grpc;

/// <summary>A message compression algorithm, named as in grpc-encoding.</summary>
public interface ICompressionProvider
{
    string EncodingName { get; }

    Stream CreateCompressionStream(Stream output);

    Stream CreateDecompressionStream(Stream input);
}
