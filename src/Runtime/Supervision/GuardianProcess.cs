using System.Collections.Concurrent;
using ActorTrading.Runtime.Messages;
using ActorTrading.Runtime.Processes;

namespace ActorTrading.Runtime.Supervision;

/// <summary>
/// The supervisor of root actors (those spawned by <c>system.Root</c>): applies the configured
/// guardian strategy to their failures. It has no supervisor of its own, so a failure escalated
/// to it stops the failed actor.
/// </summary>
public sealed class GuardianProcess : Process, ISupervisor
{
    private readonly ConcurrentDictionary<PID, byte> _children = new();
    private readonly ISupervisorStrategy _strategy;
    private readonly Lock _lock = new();
    private PID? _failing;

    public GuardianProcess(ActorSystem system, ISupervisorStrategy strategy) : base(system)
    {
        _strategy = strategy;
        Pid = new PID(system.Address, "$guardian", this);
    }

    public PID Pid { get; }

    public IReadOnlyCollection<PID> Children => _children.Keys.ToArray();

    internal void AddChild(PID child) => _children.TryAdd(child, 0);

    public override bool SendUserMessage(PID pid, object message) =>
        System.DeadLetter.SendUserMessage(pid, message);

    public override void SendSystemMessage(PID pid, object message)
    {
        switch (message)
        {
            case Failure failure:
                lock (_lock)
                {
                    _failing = failure.Who;
                    try { _strategy.HandleFailure(this, failure.Who, failure.RestartStatistics, failure.Reason, failure.Message); }
                    finally { _failing = null; }
                }
                break;
            case Terminated terminated:
                _children.TryRemove(terminated.Who, out _);
                break;
        }
    }

    public void EscalateFailure(Exception reason, object? message)
    {
        System.EventStream.Publish(new Events.EscalationFailedEvent(_failing, reason, message));
        _failing?.Stop(System);
    }

    public void RestartChildren(Exception reason, params PID[] pids)
    {
        foreach (var pid in pids) pid.SendSystemMessage(System, new Restart(reason));
    }

    public void StopChildren(params PID[] pids)
    {
        foreach (var pid in pids) pid.Stop(System);
    }

    public void ResumeChildren(params PID[] pids)
    {
        foreach (var pid in pids) pid.SendSystemMessage(System, ResumeMailbox.Instance);
    }
}
