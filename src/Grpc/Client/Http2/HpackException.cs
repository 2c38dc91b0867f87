namespace ActorTrading.Grpc.Http2;

/// <summary>A malformed header block: a connection error of type COMPRESSION_ERROR (RFC 7540 §4.3).</summary>
internal sealed class HpackException(string message) : Exception(message);
