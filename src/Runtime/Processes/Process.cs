namespace ActorTrading.Runtime.Processes;

/// <summary>Something a <see cref="PID"/> can deliver to: an actor, a future, the dead-letter sink, the guardian.</summary>
public abstract class Process(ActorSystem system)
{
    private int _dead;

    public ActorSystem System { get; } = system;

    /// <summary>Once dead, PIDs that cached this process resolve their target again.</summary>
    public bool IsDead => Volatile.Read(ref _dead) != 0;

    /// <summary>Delivers a user message; false when a bounded mailbox refused it.</summary>
    public abstract bool SendUserMessage(PID pid, object message);

    public abstract void SendSystemMessage(PID pid, object message);

    public virtual void Stop(PID pid) => SendSystemMessage(pid, Messages.Stop.Instance);

    protected internal void MarkDead() => Volatile.Write(ref _dead, 1);
}
