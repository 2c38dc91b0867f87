using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Tests.Dispatch;

public sealed class DeterministicDispatcherContractTests : DispatcherContractTests
{
    protected override IDispatcher CreateDispatcher() => new DeterministicDispatcher(throughput: 10);

    protected override async Task<T> Drive<T>(Task<T> task)
    {
        var dispatcher = (DeterministicDispatcher)Dispatcher;
        var started = Environment.TickCount64;
        while (!task.IsCompleted && Environment.TickCount64 - started < Probe.Guard.TotalMilliseconds)
            if (dispatcher.RunUntilIdle() == 0) await Task.Yield(); // a continuation on the pool is about to schedule
        return await task.Guarded();
    }
}
