using ActorTrading.Runtime.Dispatch;

namespace ActorTrading.Runtime.Tests.Dispatch;

public sealed class ThreadPoolNoSlotDispatcherContractTests : DispatcherContractTests
{
    protected override IDispatcher CreateDispatcher() => new ThreadPoolDispatcher(throughput: 300, nextRunSlot: false);
}
