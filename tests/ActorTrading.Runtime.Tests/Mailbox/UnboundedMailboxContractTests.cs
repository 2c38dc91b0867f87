using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Runtime.Tests.Mailbox;

public sealed class UnboundedMailboxContractTests : MailboxContractTests
{
    protected override MailboxBase Create() => new UnboundedMailbox(initialCapacity: 2);
}
