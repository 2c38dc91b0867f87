using ActorTrading.Actors.Ports;
using ActorTrading.Events.V1;

namespace ActorTrading.Actors.Tests.Hosting;

/// <summary>A journal that can be made unavailable or conflicting (a second writer) on demand.</summary>
internal sealed class FaultyJournal(IAccountJournal inner) : IAccountJournal
{
    public bool Unavailable { get; set; }
    public bool Conflict { get; set; }
    public int Appends { get; private set; }

    public Task AppendAsync(string accountId, long firstSeq, IReadOnlyList<AccountEvent> events, CancellationToken cancellationToken = default)
    {
        if (Unavailable) return Task.FromException(new JournalUnavailableException("journal is down (test)", new IOException("test")));
        if (Conflict) return Task.FromException(new JournalConflictException(accountId, firstSeq, firstSeq));
        Appends++;
        return inner.AppendAsync(accountId, firstSeq, events, cancellationToken);
    }

    public IAsyncEnumerable<JournaledEvent> LoadAsync(string accountId, long afterSeq, CancellationToken cancellationToken = default)
    {
        if (Unavailable) throw new JournalUnavailableException("journal is down (test)", new IOException("test"));
        return inner.LoadAsync(accountId, afterSeq, cancellationToken);
    }

    public Task<long> GetLastSeqAsync(string accountId, CancellationToken cancellationToken = default) => inner.GetLastSeqAsync(accountId, cancellationToken);
}
