namespace ActorTrading.Grpc.Interop.Client;

/// <summary>An interop case assertion that did not hold.</summary>
public sealed class InteropCheckFailed(string message) : Exception(message);
