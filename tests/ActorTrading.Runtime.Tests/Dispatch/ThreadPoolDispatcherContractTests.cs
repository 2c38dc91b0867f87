using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Tests.Dispatch;

public sealed class ThreadPoolDispatcherContractTests : DispatcherContractTests
{
    protected override IDispatcher CreateDispatcher() => new ThreadPoolDispatcher(throughput: 10);
}
