using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Runtime.Processes;

/// <summary>A local actor: delivering is posting to its mailbox.</summary>
public sealed class ActorProcess(ActorSystem system, MailboxBase mailbox) : Process(system)
{
    public MailboxBase Mailbox { get; } = mailbox;

    public override bool SendUserMessage(PID pid, object message) => Mailbox.PostUserMessage(message);

    public override void SendSystemMessage(PID pid, object message) => Mailbox.PostSystemMessage(message);
}
