using ActorTrading.Cluster.V1;
using ActorTrading.Runtime.Messages;
using Google.Protobuf;

namespace ActorTrading.Runtime.Remote;

/// <summary>The runtime's own messages (dead letters, rejections, watch, terminated, stop) in and out of their wire forms.</summary>
internal static class WireMessages
{
    public static RemotePid ToWire(PID pid) => new() { Address = pid.Address, Id = pid.Id };

    public static PID FromWire(RemotePid pid) => new(pid.Address, pid.Id);

    /// <summary>The runtime message as a wire message, or the message itself.</summary>
    public static object ToWireUser(object message) => message switch
    {
        Messages.DeadLetterResponse d => new RemoteDeadLetter { Target = ToWire(d.Target) },
        MessageRejected r => new RemoteRejected { Target = ToWire(r.Target) },
        RemoteUnavailableResponse u => new RemoteUnavailable { Address = u.Address, Reason = u.Reason },
        _ => message,
    };

    public static object FromWireUser(object message) => message switch
    {
        RemoteDeadLetter d => new Messages.DeadLetterResponse(FromWire(d.Target)),
        RemoteRejected r => new MessageRejected(FromWire(r.Target), "(rejected on " + r.Target.Address + ")"),
        RemoteUnavailable u => new RemoteUnavailableResponse(u.Address, u.Reason),
        _ => message,
    };

    public static IMessage? ToWireSystem(object message) => message switch
    {
        Watch w => new RemoteWatch { Watcher = ToWire(w.Watcher) },
        Unwatch u => new RemoteUnwatch { Watcher = ToWire(u.Watcher) },
        Terminated t => new RemoteTerminated { Who = ToWire(t.Who), Reason = (int)t.Reason },
        Stop => new RemoteStop(),
        _ => null,
    };

    public static object? FromWireSystem(object message) => message switch
    {
        RemoteWatch w => new Watch(FromWire(w.Watcher)),
        RemoteUnwatch u => new Unwatch(FromWire(u.Watcher)),
        RemoteTerminated t => new Terminated(FromWire(t.Who), (TerminatedReason)t.Reason),
        RemoteStop => Stop.Instance,
        _ => null,
    };
}
