using System.Globalization;
using ActorTrading.Runtime.Diagnostics;
using ActorTrading.Runtime.Events;
using ActorTrading.Runtime.Processes;
using ActorTrading.Runtime.Supervision;
using ActorTrading.Runtime.Timing;

namespace ActorTrading.Runtime;

/// <summary>
/// One actor system: its registry, root context, guardian, dead letters, event stream, scheduler,
/// clock and metrics. <code>var system = new ActorSystem(); var pid = system.Root.Spawn(props);</code>
/// </summary>
public sealed class ActorSystem : IAsyncDisposable
{
    private static int s_systems;
    private int _shutdown;

    public ActorSystem() : this(new ActorSystemConfig()) { }

    public ActorSystem(ActorSystemConfig config)
    {
        Config = config;
        Id = Interlocked.Increment(ref s_systems).ToString(CultureInfo.InvariantCulture);
        TimeProvider = config.TimeProvider;
        ProcessRegistry = new ProcessRegistry(this);
        EventStream = new EventStream();
        DeadLetter = new DeadLetterProcess(this);
        Guardian = new GuardianProcess(this, config.GuardianStrategy);
        Metrics = new RuntimeMetrics(this);
        Scheduler = new Scheduler(this);
        Root = new RootContext(this);
        if (config.DeadLetterLog is { } sink)
        {
            var log = new DeadLetterLog(sink, TimeProvider, config.DeadLetterLogMaxPerPeriod, config.DeadLetterLogPeriod);
            EventStream.Subscribe<DeadLetterEvent>(log.Write);
        }
    }

    public string Id { get; }
    public ActorSystemConfig Config { get; }
    public string Address => Config.Address;
    public TimeProvider TimeProvider { get; }
    public ProcessRegistry ProcessRegistry { get; }
    public EventStream EventStream { get; }
    public DeadLetterProcess DeadLetter { get; }
    public GuardianProcess Guardian { get; }
    public RuntimeMetrics Metrics { get; }
    public Scheduler Scheduler { get; }
    public RootContext Root { get; }

    public bool IsShutdown => Volatile.Read(ref _shutdown) != 0;

    /// <summary>Stops every root actor (and so every actor) and waits for them to terminate.</summary>
    public async Task ShutdownAsync()
    {
        if (Interlocked.Exchange(ref _shutdown, 1) != 0) return;
        await Task.WhenAll(Guardian.Children.Select(Root.StopAsync)).ConfigureAwait(false);
        Metrics.Dispose();
    }

    public async ValueTask DisposeAsync() => await ShutdownAsync().ConfigureAwait(false);
}
