using System.Collections.Concurrent;
using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Runtime.Dispatch;

/// <summary>
/// Runs nothing by itself: scheduled mailboxes wait in a FIFO queue until the owner calls
/// <see cref="RunOne"/> or <see cref="RunUntilIdle"/> on its own thread. With a
/// <c>ManualTimeProvider</c> this makes a whole actor system step-by-step reproducible (replays, tests).
/// <para>
/// The queue is cheap on the driving thread: a mailbox scheduled by the thread that is inside
/// <see cref="RunOne"/>/<see cref="RunUntilIdle"/> goes into a plain ring (no interlocked operation,
/// no allocation); any other thread (or the owner between runs) uses a concurrent queue that is moved
/// to the ring's tail at the start of every run, so the order is first come, first run either way.
/// </para>
/// </summary>
public sealed class DeterministicDispatcher(int throughput = 300) : IDispatcher
{
    private readonly ConcurrentQueue<MailboxBase> _incoming = new();
    private MailboxBase?[] _ring = new MailboxBase?[64];
    private int _head, _count, _incomingCount;
    private int _runner; // managed thread id of the thread inside RunOne/RunUntilIdle, 0 when none

    public int Throughput { get; } = throughput > 0 ? throughput : throw new ArgumentOutOfRangeException(nameof(throughput));

    /// <summary>Mailboxes waiting to run.</summary>
    public int Pending => Volatile.Read(ref _count) + Volatile.Read(ref _incomingCount);

    public void Schedule(MailboxBase mailbox)
    {
        if (Volatile.Read(ref _runner) == Environment.CurrentManagedThreadId) Push(mailbox);
        else
        {
            _incoming.Enqueue(mailbox);
            Interlocked.Increment(ref _incomingCount);
        }
    }

    /// <summary>Runs the oldest scheduled mailbox; false when none is waiting.</summary>
    public bool RunOne()
    {
        var previous = Enter();
        try { return RunNext(); }
        finally { Volatile.Write(ref _runner, previous); }
    }

    /// <summary>Runs mailboxes until none is scheduled; returns the number of runs.</summary>
    public int RunUntilIdle(int maxRuns = int.MaxValue)
    {
        var previous = Enter();
        try
        {
            var runs = 0;
            while (runs < maxRuns && RunNext()) runs++;
            return runs;
        }
        finally { Volatile.Write(ref _runner, previous); }
    }

    /// <summary>
    /// Calls <paramref name="post"/> as the running thread — so whatever it schedules goes straight into the ring, without
    /// the concurrent queue — then runs mailboxes until none is scheduled (a replay posts each tick this way).
    /// </summary>
    public int RunUntilIdle<TState>(Action<TState> post, TState state)
    {
        var previous = Enter();
        try
        {
            if (Volatile.Read(ref _incomingCount) != 0) MoveIncoming(); // what was scheduled before runs before what post schedules
            post(state);
            var runs = 0;
            while (RunNext()) runs++;
            return runs;
        }
        finally { Volatile.Write(ref _runner, previous); }
    }

    private int Enter()
    {
        var previous = Volatile.Read(ref _runner);
        var me = Environment.CurrentManagedThreadId;
        if (previous != 0 && previous != me) throw new InvalidOperationException("the deterministic dispatcher is already being run by another thread");
        Volatile.Write(ref _runner, me);
        return previous;
    }

    private bool RunNext()
    {
        if (Volatile.Read(ref _incomingCount) != 0) MoveIncoming();
        if (_count == 0) return false;
        var mailbox = _ring[_head]!;
        _ring[_head] = null;
        _head = (_head + 1) & (_ring.Length - 1);
        Volatile.Write(ref _count, _count - 1);
        mailbox.Run();
        return true;
    }

    private void MoveIncoming()
    {
        while (_incoming.TryDequeue(out var mailbox))
        {
            Interlocked.Decrement(ref _incomingCount);
            Push(mailbox);
        }
    }

    private void Push(MailboxBase mailbox)
    {
        if (_count == _ring.Length) Grow();
        _ring[(_head + _count) & (_ring.Length - 1)] = mailbox;
        Volatile.Write(ref _count, _count + 1);
    }

    private void Grow()
    {
        var bigger = new MailboxBase?[_ring.Length * 2];
        for (var i = 0; i < _count; i++) bigger[i] = _ring[(_head + i) & (_ring.Length - 1)];
        _ring = bigger;
        _head = 0;
    }
}
