using ActorTrading.Runtime.Events;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Processes;

/// <summary>
/// Where messages to missing actors go: each becomes a <see cref="DeadLetterEvent"/> on the event
/// stream (counted, logged throttled); a request is answered with <see cref="DeadLetterResponse"/>
/// so the requester fails at once; a Watch is answered with <see cref="Terminated"/> (NotFound).
/// </summary>
public sealed class DeadLetterProcess(ActorSystem system) : Process(system)
{
    public override bool SendUserMessage(PID pid, object message)
    {
        var (payload, sender) = MessageEnvelope.Unwrap(message);
        System.Metrics.DeadLetter();
        System.EventStream.Publish(new DeadLetterEvent(pid, payload, sender));
        if (sender is not null && payload is not DeadLetterResponse)
            sender.SendUserMessage(System, new DeadLetterResponse(pid));
        return true;
    }

    public override void SendSystemMessage(PID pid, object message)
    {
        switch (message)
        {
            case Watch watch:
                watch.Watcher.SendSystemMessage(System, new Terminated(pid, TerminatedReason.NotFound));
                break;
            case Terminated or Unwatch or Messages.Stop:
                break; // nothing to tell about an actor that is gone
            default:
                System.Metrics.DeadLetter();
                System.EventStream.Publish(new DeadLetterEvent(pid, message, null));
                break;
        }
    }
}
