using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Runtime.Events;

/// <summary>A bounded mailbox of <paramref name="Pid"/> refused or evicted <paramref name="Message"/>.</summary>
public sealed record MessageDroppedEvent(PID Pid, object Message, PID? Sender, OverflowPolicy Policy);
