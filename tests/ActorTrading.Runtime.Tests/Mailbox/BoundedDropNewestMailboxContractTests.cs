using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Runtime.Tests.Mailbox;

public sealed class BoundedDropNewestMailboxContractTests : MailboxContractTests
{
    protected override MailboxBase Create() => new BoundedMailbox(1000, OverflowPolicy.DropNewest);
}
