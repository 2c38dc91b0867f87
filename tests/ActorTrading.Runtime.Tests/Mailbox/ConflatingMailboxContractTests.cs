using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Runtime.Tests.Mailbox;

public sealed class ConflatingMailboxContractTests : MailboxContractTests
{
    protected override MailboxBase Create() => new ConflatingMailbox(_ => null);
}
