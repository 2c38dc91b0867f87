using ActorTrading.Runtime.Future;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Context;

internal sealed partial class ActorContext
{
    public void Send(PID target, object message) => target.SendUserMessage(_system, message);

    public bool TrySend(PID target, object message) => target.SendUserMessage(_system, message);

    public void Request(PID target, object message) => target.SendUserMessage(_system, new MessageEnvelope(message, _self));

    public void Request(PID target, object message, PID? sender) =>
        target.SendUserMessage(_system, sender is null ? message : new MessageEnvelope(message, sender));

    public Task<T> RequestAsync<T>(PID target, object message) =>
        Requests.RequestAsync<T>(_system, target, message, _system.Config.DefaultRequestTimeout, CancellationToken.None);

    public Task<T> RequestAsync<T>(PID target, object message, TimeSpan timeout, CancellationToken ct = default) =>
        Requests.RequestAsync<T>(_system, target, message, timeout, ct);

    public Task<T> RequestAsync<T>(PID target, object message, CancellationToken ct) =>
        Requests.RequestAsync<T>(_system, target, message, Timeout.InfiniteTimeSpan, ct);

    public void Respond(object message)
    {
        if (Sender is { } sender) sender.SendUserMessage(_system, message);
        else _system.DeadLetter.SendUserMessage(_self, message);
    }

    public void Forward(PID target) => target.SendUserMessage(_system, _message ?? throw new InvalidOperationException("no current message"));

    public PID Spawn(Props props) => SpawnNamed(props, _system.ProcessRegistry.NextId());

    public PID SpawnPrefix(Props props, string prefix) => SpawnNamed(props, prefix + _system.ProcessRegistry.NextId());

    public PID SpawnNamed(Props props, string name)
    {
        var pid = Spawn(_system, props, _self.Id + "/" + name, _self);
        (EnsureExtras().Children ??= new HashSet<PID>()).Add(pid);
        return pid;
    }

    public void Stop(PID pid) => pid.Stop(_system);

    public Task StopAsync(PID pid) => Requests.StopAsync(_system, pid);

    public void Poison(PID pid) => pid.SendUserMessage(_system, PoisonPill.Instance);

    public Task PoisonAsync(PID pid) => Requests.PoisonAsync(_system, pid);

    public void Watch(PID pid)
    {
        (EnsureExtras().Watching ??= new HashSet<PID>()).Add(pid);
        pid.SendSystemMessage(_system, new Watch(_self));
    }

    public void Unwatch(PID pid)
    {
        _extras?.Watching?.Remove(pid);
        pid.SendSystemMessage(_system, new Unwatch(_self));
    }
}
