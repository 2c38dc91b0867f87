namespace ActorTrading.Grpc.Interop.Client;

/// <summary>
/// The server the client cases run against. <paramref name="ChecksCompression"/>: the server implements the
/// CompressedRequest/CompressedResponse features (ours does; grpc-js cannot) -- when false, the cases skip the
/// feature probe and the compressed-flag assertions but still send and receive compressed messages.
/// </summary>
public sealed record InteropPeer(string Host, int Port, bool ChecksCompression)
{
    public Uri Address => new($"http://{Host}:{Port}");
}
