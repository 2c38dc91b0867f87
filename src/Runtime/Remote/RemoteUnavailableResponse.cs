namespace ActorTrading.Runtime.Remote;

/// <summary>The answer a request gets when the node of its target cannot be reached (see <see cref="RemoteUnavailableException"/>).</summary>
public sealed record RemoteUnavailableResponse(string Address, string Reason)
{
    public RemoteUnavailableException ToException() => new(Address, Reason);
}
