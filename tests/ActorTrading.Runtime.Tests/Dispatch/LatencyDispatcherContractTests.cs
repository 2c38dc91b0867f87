using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Tests.Dispatch;

public sealed class LatencyDispatcherContractTests : DispatcherContractTests
{
    protected override IDispatcher CreateDispatcher() => new LatencyDispatcher(spinDuration: TimeSpan.FromMicroseconds(50));
}
