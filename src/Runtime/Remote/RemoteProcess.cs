using ActorTrading.Runtime.Processes;

namespace ActorTrading.Runtime.Remote;

/// <summary>
/// What a PID of another node resolves to: user and system messages go to that node's <see cref="Endpoint"/>. Marked dead
/// when the endpoint closes (the member left), so cached PIDs resolve again.
/// </summary>
public sealed class RemoteProcess : Process
{
    private readonly Remote _remote;
    private readonly Endpoint _endpoint;

    internal RemoteProcess(Remote remote, Endpoint endpoint) : base(remote.System)
    {
        _remote = remote;
        _endpoint = endpoint;
    }

    public override bool SendUserMessage(PID pid, object message)
    {
        _remote.SendUser(_endpoint, pid, message);
        return true;
    }

    public override void SendSystemMessage(PID pid, object message) => _remote.SendSystem(_endpoint, pid, message);

    internal void MarkGone() => MarkDead();
}
