using ActorTrading.Cluster.V1;
using ActorTrading.Runtime.Future;
using ActorTrading.Runtime.Messages;
using ActorTrading.Runtime.Remote;
using ThrowHelper = ActorTrading.Runtime.Diagnostics.ThrowHelper;

namespace ActorTrading.Runtime.Cluster;

/// <summary>
/// The cluster across nodes. A message for an identity another member owns goes to that member over
/// <see cref="Remote.Remote"/>; the receiver checks ownership with its own member list and answers a request it does not
/// own with <see cref="NotOwner"/> (the requester refreshes its members and retries, bounded) or forwards a plain send
/// once more. When the member list changes, activations whose owner moved are passivated here; their next message
/// activates them on the new owner, which recovers them from the journal.
/// </summary>
public sealed partial class Cluster
{
    private const int MaxForwardHops = 2;

    private void AttachRemote(Remote.Remote remote)
    {
        remote.IdentityHandler = OnRemoteIdentity;
        _members.Changed += OnMembersChanged;
    }

    private void OnRemoteIdentity(RemoteIdentity wire, object message, int hops)
    {
        var identity = new ClusterIdentity(wire.Kind, wire.Id);
        if (!_kinds.TryGetValue(identity.Kind, out var kind))
        {
            System.DeadLetter.SendUserMessage(new PID(System.Address, "cluster/" + identity), message);
            return;
        }
        var owner = kind.IsNodeLocal ? _members.Self : _config.PlacementStrategy.Place(identity, _members.Members);
        if (owner.Id == _members.Self.Id)
        {
            DeliverLocal(kind, identity, message);
            return;
        }
        if (MessageEnvelope.UnwrapSender(message) is { } sender)
            sender.SendUserMessage(System, new NotOwner { Identity = wire, OwnerAddress = owner.Address });
        else if (hops < MaxForwardHops)
            _config.Remote!.SendToIdentity(owner.Address, identity.Kind, identity.Identity, message, hops + 1);
        else
            System.DeadLetter.SendUserMessage(new PID(System.Address, "cluster/" + identity), message);
    }

    private async Task<T> RemoteRequestAsync<T>(ClusterIdentity identity, object message, TimeSpan timeout, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var reply = await Requests.RequestAsync<object>(System, e => Deliver(identity, e), message, timeout, ct).ConfigureAwait(false);
            switch (reply)
            {
                case T typed when reply is not (NotOwner or DeadLetterResponse or MessageRejected or RemoteUnavailableResponse):
                    return typed;
                case NotOwner when attempt < _config.MaxMovedRetries:
                    await _config.MembershipProvider.RefreshAsync(ct).ConfigureAwait(false);
                    await Task.Delay(TimeSpan.FromMilliseconds(20 << Math.Min(attempt, 5)), System.TimeProvider, ct).ConfigureAwait(false);
                    continue;
                case NotOwner moved:
                    throw new RemoteUnavailableException(moved.OwnerAddress, $"{identity} is moving between members; retry");
                case DeadLetterResponse dead:
                    throw new DeadLetterException(dead.Target);
                case MessageRejected rejected:
                    throw new MessageRejectedException(rejected.Target, rejected.Message);
                case RemoteUnavailableResponse unavailable:
                    throw unavailable.ToException();
                default:
                    throw ThrowHelper.UnexpectedResponse(typeof(T), reply);
            }
        }
    }

    /// <summary>Passivates what this node no longer owns and closes the endpoints of members that left.</summary>
    private void OnMembersChanged(IReadOnlyList<Member> members)
    {
        foreach (var activation in AllActivations())
        {
            var identity = activation.Identity;
            if (_kinds[identity.Kind].IsNodeLocal || activation.Pid is not { } pid) continue;
            if (_config.PlacementStrategy.Place(identity, members).Id != _members.Self.Id) _ = System.Root.PoisonAsync(pid);
        }
        var live = members.Select(m => m.Address).ToHashSet(StringComparer.Ordinal);
        var remote = _config.Remote!;
        foreach (var peer in _knownPeers.Except(live).ToList()) _ = remote.RemoveEndpointAsync(peer);
        _knownPeers = live;
    }

    private HashSet<string> _knownPeers = new(StringComparer.Ordinal);
}
