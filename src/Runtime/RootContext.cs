using ActorTrading.Runtime.Context;
using ActorTrading.Runtime.Future;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime;

/// <summary>
/// The context outside any actor (<c>system.Root</c>): spawns root actors (supervised by the
/// guardian), sends, requests and stops. Requests from here have no sender unless one is given.
/// </summary>
public sealed class RootContext : ISenderContext, ISpawnerContext, IStopperContext
{
    internal RootContext(ActorSystem system) => System = system;

    public ActorSystem System { get; }

    public PID Spawn(Props props) => SpawnNamed(props, System.ProcessRegistry.NextId());

    public PID SpawnNamed(Props props, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return ActorContext.Spawn(System, props, name, parent: null);
    }

    public PID SpawnPrefix(Props props, string prefix) => SpawnNamed(props, prefix + System.ProcessRegistry.NextId());

    public void Send(PID target, object message) => target.SendUserMessage(System, message);

    public bool TrySend(PID target, object message) => target.SendUserMessage(System, message);

    public void Request(PID target, object message) => target.SendUserMessage(System, message);

    public void Request(PID target, object message, PID? sender) =>
        target.SendUserMessage(System, sender is null ? message : new MessageEnvelope(message, sender));

    public Task<T> RequestAsync<T>(PID target, object message) =>
        Requests.RequestAsync<T>(System, target, message, System.Config.DefaultRequestTimeout, CancellationToken.None);

    public Task<T> RequestAsync<T>(PID target, object message, TimeSpan timeout, CancellationToken ct = default) =>
        Requests.RequestAsync<T>(System, target, message, timeout, ct);

    public Task<T> RequestAsync<T>(PID target, object message, CancellationToken ct) =>
        Requests.RequestAsync<T>(System, target, message, Timeout.InfiniteTimeSpan, ct);

    public void Stop(PID pid) => pid.Stop(System);

    public Task StopAsync(PID pid) => Requests.StopAsync(System, pid);

    public void Poison(PID pid) => pid.SendUserMessage(System, PoisonPill.Instance);

    public Task PoisonAsync(PID pid) => Requests.PoisonAsync(System, pid);

    /// <summary>Watches <paramref name="pid"/> from outside the actor system: completes with its <see cref="Terminated"/>.</summary>
    public Task<Terminated> WatchAsync(PID pid) => Requests.WatchFuture(System, pid);
}
