using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Tests.Dispatch;

public sealed class ThreadPoolPreferLocalDispatcherContractTests : DispatcherContractTests
{
    protected override IDispatcher CreateDispatcher() => new ThreadPoolDispatcher(throughput: 300, preferLocal: true);
}
