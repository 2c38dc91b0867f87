using System.Collections.Concurrent;
using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Runtime.Dispatch;

/// <summary>
/// Runs nothing by itself: scheduled mailboxes wait in a FIFO queue until the owner calls
/// <see cref="RunOne"/> or <see cref="RunUntilIdle"/> on its own thread. With a
/// <c>ManualTimeProvider</c> this makes a whole actor system step-by-step reproducible (replays, tests).
/// </summary>
public sealed class DeterministicDispatcher(int throughput = 300) : IDispatcher
{
    private readonly ConcurrentQueue<MailboxBase> _ready = new();

    public int Throughput { get; } = throughput > 0 ? throughput : throw new ArgumentOutOfRangeException(nameof(throughput));

    /// <summary>Mailboxes waiting to run.</summary>
    public int Pending => _ready.Count;

    public void Schedule(MailboxBase mailbox) => _ready.Enqueue(mailbox);

    /// <summary>Runs the oldest scheduled mailbox; false when none is waiting.</summary>
    public bool RunOne()
    {
        if (!_ready.TryDequeue(out var mailbox)) return false;
        mailbox.Run();
        return true;
    }

    /// <summary>Runs mailboxes until none is scheduled; returns the number of runs.</summary>
    public int RunUntilIdle(int maxRuns = int.MaxValue)
    {
        var runs = 0;
        while (runs < maxRuns && RunOne()) runs++;
        return runs;
    }
}
