using ActorTrading.Events.V1;

namespace ActorTrading.Actors.Ports;

/// <summary>
/// The event journal of trading accounts: the source of truth (DESIGN.md §5).
/// Each account's events carry consecutive sequence numbers starting at 1; one writer per account.
/// </summary>
public interface IAccountJournal
{
    /// <summary>
    /// Appends <paramref name="events"/> as seq <paramref name="firstSeq"/>, firstSeq+1, ...
    /// <paramref name="firstSeq"/> must be the account's last seq + 1.
    /// Completes only once the events are durable.
    /// </summary>
    /// <exception cref="JournalConflictException">another writer already wrote that seq (a second owner of the account).</exception>
    /// <exception cref="JournalUnavailableException">the store is unreachable; nothing was acknowledged.</exception>
    Task AppendAsync(string accountId, long firstSeq, IReadOnlyList<AccountEvent> events, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="AppendAsync"/> for events nobody waits on at once (a broker's reports): the journal may hold them a
    /// short while so they commit in the same transaction as another account's next append instead of in one of their
    /// own (one WAL flush instead of two; PostgreSQL: <c>PostgresStorageOptions.BackgroundLinger</c>). Same guarantees:
    /// completes only once durable, in seq order. The caller has no other append of this account outstanding until it
    /// completes, and calls <see cref="FlushBackground"/> as soon as anything waits on it. Default: <see cref="AppendAsync"/>.
    /// </summary>
    Task AppendBackgroundAsync(string accountId, long firstSeq, IReadOnlyList<AccountEvent> events, CancellationToken cancellationToken = default) =>
        AppendAsync(accountId, firstSeq, events, cancellationToken);

    /// <summary>Writes every held background append now (something waits on one). Default: nothing is ever held.</summary>
    void FlushBackground()
    {
    }

    /// <summary>Streams the account's events with seq &gt; <paramref name="afterSeq"/>, in order.</summary>
    /// <exception cref="JournalCorruptException">a stored payload no longer parses.</exception>
    IAsyncEnumerable<JournaledEvent> LoadAsync(string accountId, long afterSeq, CancellationToken cancellationToken = default);

    /// <summary>The account's last written seq; 0 when it has none.</summary>
    Task<long> GetLastSeqAsync(string accountId, CancellationToken cancellationToken = default);
}
