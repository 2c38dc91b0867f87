namespace ActorTrading.Grpc.Interop.Client;

/// <summary>
/// The server the client cases run against. <paramref name="ChecksCompression"/>: the server implements the
/// CompressedRequest/CompressedResponse features (ours does; grpc-js cannot) -- when false, the cases skip the
/// feature probe and the compressed-flag assertions but still send and receive compressed messages.
/// <paramref name="Direct"/>: our client on its default path (calls straight on our HTTP/2 streams); otherwise through
/// a DelegatingHandler over our transport that records each response's compressed flags (the HttpMessageHandler path).
/// The direct path cannot show those flags, so it skips the flag assertions (it still sends and reads compressed messages).
/// </summary>
public sealed record InteropPeer(string Host, int Port, bool ChecksCompression, bool Direct = false)
{
    public Uri Address => new($"http://{Host}:{Port}");
}
