namespace ActorTrading.Runtime.Remote;

/// <summary>
/// The node that owns the target could not be reached, or the connection broke with the request in flight: the request
/// may or may not have been processed there. An <see cref="InvalidOperationException"/> so callers that map "the target
/// is not available" (UNAVAILABLE) handle it without knowing about remoting.
/// </summary>
public sealed class RemoteUnavailableException(string address, string reason)
    : InvalidOperationException($"node {address} is unreachable: {reason}")
{
    public string Address { get; } = address;
}
