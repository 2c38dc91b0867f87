using ActorTrading.Cluster.V1;
using ActorTrading.Runtime.Events;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Remote;

public sealed partial class Remote
{
    private const int SweepEvery = 4096;

    /// <summary>Sends to the virtual actor <paramref name="kind"/>/<paramref name="id"/> on the node at <paramref name="address"/>.</summary>
    public void SendToIdentity(string address, string kind, string id, object message, int hops = 0)
    {
        var envelope = new RemoteEnvelope { Identity = new RemoteIdentity { Kind = kind, Id = id }, Hops = hops };
        Send(GetEndpoint(address), envelope, message);
    }

    internal void SendUser(Endpoint endpoint, PID target, object message) =>
        Send(endpoint, new RemoteEnvelope { TargetId = target.Id }, message);

    internal void SendSystem(Endpoint endpoint, PID target, object message)
    {
        switch (message)
        {
            case Watch w:
                _watches.Add(w.Watcher, target);
                Export(w.Watcher, endpoint.Address, oneShot: false);
                break;
            case Unwatch u:
                _watches.Remove(u.Watcher, target);
                break;
        }
        if (WireMessages.ToWireSystem(message) is not { } wire) return;
        var (type, payload) = Serialization.Serialize(wire);
        var envelope = new RemoteEnvelope { TargetId = target.Id, System = true, TypeName = type, Payload = payload };
        if (endpoint.TrySend(envelope, out _)) return;
        if (message is Watch watch)
        {
            _watches.Remove(watch.Watcher, target);
            watch.Watcher.SendSystemMessage(System, new Terminated(target, TerminatedReason.NotFound));
        }
    }

    /// <exception cref="RemoteSerializationException">the message's type has no serializer (a programming error)</exception>
    private void Send(Endpoint endpoint, RemoteEnvelope envelope, object message)
    {
        var (payload, sender) = MessageEnvelope.Unwrap(message);
        (envelope.TypeName, envelope.Payload) = Serialization.Serialize(WireMessages.ToWireUser(payload));
        if (sender is not null) envelope.Sender = WireMessages.ToWire(Export(sender, endpoint.Address, oneShot: true));
        if (endpoint.TrySend(envelope, out var reason)) return;
        Undeliverable(envelope, endpoint.Address, reason);
    }

    /// <summary>A local sender that is not registered (a future) is found by id when the reply comes back.</summary>
    private PID Export(PID sender, string address, bool oneShot)
    {
        if (sender.Address != System.Address || System.ProcessRegistry.TryGet(sender.Id, out _)) return sender;
        _exported[sender.Id] = (sender, address);
        if (Interlocked.Increment(ref _exports) % SweepEvery == 0) Sweep();
        _ = oneShot;
        return sender;
    }

    /// <summary>Forgets exported futures that completed without a reply from the peer (timed out, cancelled).</summary>
    private void Sweep()
    {
        foreach (var (id, exported) in _exported)
            if (exported.Pid.Ref(System) is Processes.DeadLetterProcess) _exported.TryRemove(id, out _);
    }

    /// <summary>An envelope that will not be sent: its requester (if waiting here) fails now.</summary>
    internal void Undeliverable(RemoteEnvelope envelope, string address, string reason)
    {
        var target = new PID(address, envelope.TargetCase == RemoteEnvelope.TargetOneofCase.Identity
            ? envelope.Identity.Kind + "/" + envelope.Identity.Id : envelope.TargetId);
        System.EventStream.Publish(new DeadLetterEvent(target, envelope.TypeName, null));
        if (envelope.Sender is not { } sender || sender.Address != System.Address) return;
        if (_exported.TryRemove(sender.Id, out var exported))
            exported.Pid.SendUserMessage(System, new RemoteUnavailableResponse(address, reason));
    }
}
