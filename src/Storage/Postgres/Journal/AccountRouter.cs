using System.Collections.Concurrent;

namespace ActorTrading.Storage.Postgres.Journal;

/// <summary>
/// Chooses the lane of an account's append. While the account has an append queued or in flight, its next one goes
/// to the same lane (so its appends commit in seq order, and lanes never share an account); once all have completed,
/// the next goes to the least-loaded lane (its hash lane on a tie), so an append never queues behind another
/// account's commit while a lane is idle.
/// </summary>
internal sealed class AccountRouter(JournalLane[] lanes)
{
    private readonly ConcurrentDictionary<string, Hold> _routes = new(StringComparer.Ordinal);
    private static readonly Action<Task, object?> Release = static (_, r) => ((Hold)r!).Release();

    /// <summary>The lane for this append; <paramref name="append"/>'s completion releases the account's hold on it.</summary>
    public JournalLane Route(PendingAppend append)
    {
        if (lanes.Length == 1) return lanes[0];
        var route = _routes.GetOrAdd(append.AccountId, static _ => new Hold());
        JournalLane lane;
        lock (route)
        {
            if (route.Pending++ == 0) route.Lane = LeastLoaded(append.AccountId);
            lane = route.Lane!;
        }
        append.Completion.Task.ContinueWith(Release, route, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return lane;
    }

    private JournalLane LeastLoaded(string accountId)
    {
        var best = lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(accountId) % (uint)lanes.Length)];
        int bestLoad = best.Load;
        for (int i = 0; i < lanes.Length && bestLoad > 0; i++)
        {
            int load = lanes[i].Load;
            if (load < bestLoad) (best, bestLoad) = (lanes[i], load);
        }
        return best;
    }

    private sealed class Hold
    {
        public JournalLane? Lane;
        public int Pending;

        public void Release()
        {
            lock (this) Pending--;
        }
    }
}
