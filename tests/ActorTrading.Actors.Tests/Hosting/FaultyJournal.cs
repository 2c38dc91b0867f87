using ActorTrading.Actors.Ports;
using ActorTrading.Events.V1;

namespace ActorTrading.Actors.Tests.Hosting;

/// <summary>
/// A journal that can be made unavailable or conflicting (a second writer) on demand, or hold appends in flight
/// (<see cref="Hold"/>) until the test commits (<see cref="CommitHeld"/>) or fails (<see cref="FailHeld"/>) them.
/// </summary>
internal sealed class FaultyJournal(IAccountJournal inner) : IAccountJournal
{
    private readonly List<(string Account, long FirstSeq, IReadOnlyList<AccountEvent> Events, TaskCompletionSource Done)> _held = new();

    public bool Unavailable { get; set; }
    public bool Conflict { get; set; }
    public bool Hold { get; set; }
    public int Appends { get; private set; }

    /// <summary>Every append handed in (held or not): account, first seq, event count.</summary>
    public List<(string Account, long FirstSeq, int Count)> Calls { get; } = new();

    /// <summary>For each entry of <see cref="Calls"/>: whether it came as a background append (AppendBackgroundAsync).</summary>
    public List<bool> Background { get; } = new();

    /// <summary>How often the account asked for held background appends to be written now (FlushBackground).</summary>
    public int BackgroundFlushes { get; private set; }

    /// <summary>Appends held in flight now.</summary>
    public int HeldCount => _held.Count;

    public Task AppendAsync(string accountId, long firstSeq, IReadOnlyList<AccountEvent> events, CancellationToken cancellationToken = default) =>
        Append(accountId, firstSeq, events, false, cancellationToken);

    public Task AppendBackgroundAsync(string accountId, long firstSeq, IReadOnlyList<AccountEvent> events, CancellationToken cancellationToken = default) =>
        Append(accountId, firstSeq, events, true, cancellationToken);

    public void FlushBackground() => BackgroundFlushes++;

    private Task Append(string accountId, long firstSeq, IReadOnlyList<AccountEvent> events, bool background, CancellationToken cancellationToken)
    {
        Calls.Add((accountId, firstSeq, events.Count));
        Background.Add(background);
        if (Unavailable) return Task.FromException(new JournalUnavailableException("journal is down (test)", new IOException("test")));
        if (Conflict) return Task.FromException(new JournalConflictException(accountId, firstSeq, firstSeq));
        if (Hold)
        {
            var done = new TaskCompletionSource();
            _held.Add((accountId, firstSeq, events.ToArray(), done));
            return done.Task;
        }
        Appends++;
        return inner.AppendAsync(accountId, firstSeq, events, cancellationToken);
    }

    /// <summary>Writes the oldest held append to the inner journal and completes it (its continuation is queued for the actor).</summary>
    public void CommitHeld()
    {
        var (account, first, events, done) = _held[0];
        _held.RemoveAt(0);
        Appends++;
        inner.AppendAsync(account, first, events).GetAwaiter().GetResult();
        done.SetResult();
    }

    /// <summary>Fails the oldest held append: nothing of it is written.</summary>
    public void FailHeld()
    {
        var done = _held[0].Done;
        _held.RemoveAt(0);
        done.SetException(new JournalUnavailableException("journal is down (test)", new IOException("test")));
    }

    public IAsyncEnumerable<JournaledEvent> LoadAsync(string accountId, long afterSeq, CancellationToken cancellationToken = default)
    {
        if (Unavailable) throw new JournalUnavailableException("journal is down (test)", new IOException("test"));
        return inner.LoadAsync(accountId, afterSeq, cancellationToken);
    }

    public Task<long> GetLastSeqAsync(string accountId, CancellationToken cancellationToken = default) => inner.GetLastSeqAsync(accountId, cancellationToken);
}
