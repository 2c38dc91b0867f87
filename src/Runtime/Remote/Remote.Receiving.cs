using ActorTrading.Cluster.V1;

namespace ActorTrading.Runtime.Remote;

public sealed partial class Remote
{
    /// <summary>Delivers what a peer sent: to a local process by id, to a waiting future, or to the cluster by identity.</summary>
    internal void Dispatch(RemoteBatch batch, string from)
    {
        foreach (var envelope in batch.Envelopes)
        {
            try
            {
                DispatchOne(envelope);
            }
            catch (RemoteSerializationException)
            {
                // a type this node does not know: the requester fails at once instead of timing out
                var target = new PID(System.Address, envelope.TargetId.Length > 0 ? envelope.TargetId : "cluster/" + envelope.Identity);
                if (envelope.Sender is { } sender) WireMessages.FromWire(sender).SendUserMessage(System, new Messages.DeadLetterResponse(target));
                System.EventStream.Publish(new Events.DeadLetterEvent(target, envelope.TypeName + " from " + from, null));
            }
        }
    }

    private void DispatchOne(RemoteEnvelope envelope)
    {
        var message = Serialization.Deserialize(envelope.TypeName, envelope.Payload);
        if (envelope.System)
        {
            if (WireMessages.FromWireSystem(message) is { } system) LocalSystemTarget(envelope.TargetId).SendSystemMessage(System, system);
            return;
        }
        var payload = WireMessages.FromWireUser(message);
        object delivered = envelope.Sender is { } sender ? new MessageEnvelope(payload, WireMessages.FromWire(sender)) : payload;
        if (envelope.TargetCase == RemoteEnvelope.TargetOneofCase.Identity)
        {
            if (IdentityHandler is { } handler) handler(envelope.Identity, delivered, envelope.Hops);
            else System.DeadLetter.SendUserMessage(new PID(System.Address, "cluster/" + envelope.Identity), delivered);
            return;
        }
        var id = envelope.TargetId;
        if (System.ProcessRegistry.TryGet(id, out var process)) process!.SendUserMessage(new PID(System.Address, id, process), delivered);
        else if (_exported.TryRemove(id, out var exported)) exported.Pid.SendUserMessage(System, delivered);
        else System.DeadLetter.SendUserMessage(new PID(System.Address, id), delivered);
    }

    private PID LocalSystemTarget(string id) =>
        _exported.TryGetValue(id, out var exported) ? exported.Pid : new PID(System.Address, id);
}
