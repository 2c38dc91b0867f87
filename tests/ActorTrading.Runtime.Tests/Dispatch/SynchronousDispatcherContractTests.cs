using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Tests.Dispatch;

public sealed class SynchronousDispatcherContractTests : DispatcherContractTests
{
    protected override IDispatcher CreateDispatcher() => new SynchronousDispatcher(throughput: 10);
}
