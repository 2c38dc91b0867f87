using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Supervision;
using ActorTrading.Runtime.Timing;

namespace ActorTrading.Runtime.Tests.TestKit;

/// <summary>An actor system on the deterministic dispatcher and a manual clock: nothing happens until <see cref="Run"/>.</summary>
public sealed class Deterministic
{
    public Deterministic(ISupervisorStrategy? guardian = null)
    {
        Dispatcher = new DeterministicDispatcher();
        Clock = new ManualTimeProvider();
        var config = new ActorSystemConfig { DefaultDispatcher = Dispatcher, TimeProvider = Clock };
        if (guardian is not null) config = config with { GuardianStrategy = guardian };
        System = new ActorSystem(config);
    }

    public DeterministicDispatcher Dispatcher { get; }
    public ManualTimeProvider Clock { get; }
    public ActorSystem System { get; }
    public RootContext Root => System.Root;

    public void Run() => Dispatcher.RunUntilIdle();

    /// <summary>Moves the clock, then runs what the timers scheduled.</summary>
    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        Run();
    }
}
