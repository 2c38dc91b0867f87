using ActorTrading.Runtime.Context;

namespace ActorTrading.Runtime.Cluster;

/// <summary>
/// One activation of a virtual actor and the gate in front of it. Senders pass the gate (a count
/// of senders in flight); the activation passivates only by closing the gate while no sender is
/// in flight and its mailbox is empty, so nothing sent through the cluster is lost: a sender
/// finding the gate closed starts a new activation, which is spawned only after this one has
/// terminated (on the terminating actor's turn, so a <c>DeterministicDispatcher</c> runs it in the same
/// run), and keeps messages in order meanwhile.
/// </summary>
internal sealed class Activation
{
    private const int Closing = -1;
    private const int Closed = -2;

    private readonly Cluster _cluster;
    private readonly ClusterKind _kind;
    private readonly Activation? _previous;
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private List<object>? _pending;
    private PID? _pid;
    private Activation? _successor;
    private bool _ended;
    private int _gate;
    private volatile bool _failed;

    public Activation(Cluster cluster, ClusterKind kind, ClusterIdentity identity, Activation? previous)
    {
        _cluster = cluster;
        _kind = kind;
        Identity = identity;
        _previous = previous;
    }

    public ClusterIdentity Identity { get; }
    public PID? Pid => Volatile.Read(ref _pid);
    public Task Terminated => _terminated.Task;

    public void Start()
    {
        if (_previous is null || !_previous.TryFollowWith(this)) Spawn();
    }

    /// <summary>Registers the activation to spawn when this one terminates; false when it already has.</summary>
    private bool TryFollowWith(Activation successor)
    {
        lock (_lock)
        {
            if (_ended) return false;
            _successor = successor;
            return true;
        }
    }

    /// <summary>False when the gate is closed for good: the caller must use a new activation. A message to
    /// an activation that failed to start becomes a dead letter (so each message tries at most one activation).</summary>
    public bool TryPost(object message)
    {
        var spin = new SpinWait();
        while (true)
        {
            var gate = Volatile.Read(ref _gate);
            if (gate >= 0)
            {
                if (Interlocked.CompareExchange(ref _gate, gate + 1, gate) == gate) break;
                continue;
            }
            if (gate == Closed) return _failed && DeadLetter(message);
            spin.SpinOnce(); // the activation is deciding whether to passivate: a moment
        }
        try
        {
            Deliver(message);
            return true;
        }
        finally
        {
            Interlocked.Decrement(ref _gate);
        }
    }

    private void Deliver(object message)
    {
        var pid = Volatile.Read(ref _pid);
        if (pid is null)
        {
            lock (_lock)
            {
                pid = _pid;
                if (pid is null)
                {
                    (_pending ??= new List<object>()).Add(message);
                    return;
                }
            }
        }
        pid.SendUserMessage(_cluster.System, message);
    }

    private void Spawn()
    {
        var system = _cluster.System;
        var props = _kind.Props with { Producer = s => new ClusterActor(_kind.Props.Producer(s), this, _kind.IdleTimeout) };
        var id = "cluster/" + Identity.Kind + "/" + Identity.Identity + "/" + system.ProcessRegistry.NextId();
        PID pid;
        try
        {
            pid = ActorContext.Spawn(system, props, id, parent: null, Identity, this);
        }
        catch (Exception e)
        {
            FailActivation(e);
            return;
        }
        lock (_lock)
        {
            if (_pending is { } pending)
                foreach (var message in pending) pid.SendUserMessage(system, message);
            _pending = null;
            Volatile.Write(ref _pid, pid);
        }
    }

    /// <summary>The kind's producer threw: close for good and turn what waited into dead letters
    /// (requests fail at once); the next message tries a new activation.</summary>
    private void FailActivation(Exception reason)
    {
        var system = _cluster.System;
        _failed = true;
        Close();
        List<object>? pending;
        lock (_lock)
        {
            pending = _pending;
            _pending = null;
        }
        system.EventStream.Publish(new Events.ActivationFailedEvent(Identity, reason));
        foreach (var message in pending ?? []) DeadLetter(message);
        MarkTerminated();
    }

    private bool DeadLetter(object message)
    {
        var system = _cluster.System;
        system.DeadLetter.SendUserMessage(new PID(system.Address, "cluster/" + Identity + "/failed"), message);
        return true;
    }

    /// <summary>On the actor's turn: closes the gate if no sender is in flight and nothing is queued.</summary>
    public bool TryPassivate(Func<bool> mailboxIsEmpty)
    {
        if (Interlocked.CompareExchange(ref _gate, Closing, 0) != 0) return false;
        if (!mailboxIsEmpty())
        {
            Volatile.Write(ref _gate, 0);
            return false;
        }
        Volatile.Write(ref _gate, Closed);
        return true;
    }

    /// <summary>The actor stops for another reason: close the gate once in-flight senders are done.</summary>
    public void Close()
    {
        var spin = new SpinWait();
        while (true)
        {
            var gate = Volatile.Read(ref _gate);
            if (gate == Closed || (gate == 0 && Interlocked.CompareExchange(ref _gate, Closed, 0) == 0)) return;
            spin.SpinOnce();
        }
    }

    public void MarkTerminated()
    {
        Activation? successor;
        lock (_lock)
        {
            if (_ended) return;
            _ended = true;
            successor = _successor;
            _successor = null;
        }
        _terminated.TrySetResult();
        _cluster.Deactivated(this);
        successor?.Spawn();
    }

    /// <summary>A message that reached the actor after it stopped: send it to the identity again.</summary>
    public void Reroute(object message) => _cluster.Deliver(Identity, message);
}
