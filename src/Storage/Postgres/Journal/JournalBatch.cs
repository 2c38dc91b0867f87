namespace ActorTrading.Storage.Postgres.Journal;

/// <summary>
/// The writes one group commit carries: at most one <see cref="AccountGroup"/> per account, so each
/// account's seq claim is a single conditional update, plus audit records (independent of any claim).
/// An append that does not follow its account's group (a duplicate seq from a second writer) waits for
/// the next batch, where it conflicts.
/// </summary>
internal sealed class JournalBatch
{
    private readonly Dictionary<string, AccountGroup> _byAccount = new(StringComparer.Ordinal);

    public List<AccountGroup> Groups { get; } = [];

    public List<PendingAudit> Audits { get; } = [];

    public int EventCount { get; private set; }

    /// <summary>Nothing to write.</summary>
    public bool IsEmpty => Groups.Count == 0 && Audits.Count == 0;

    public bool Contains(string accountId) => _byAccount.ContainsKey(accountId);

    /// <summary>When the batch's oldest write was queued (<see cref="PendingWrite.QueuedAt"/>; long.MaxValue when empty).</summary>
    public long OldestQueuedAt
    {
        get
        {
            long oldest = long.MaxValue;
            foreach (var g in Groups) oldest = Math.Min(oldest, g.Appends[0].QueuedAt);
            foreach (var a in Audits) oldest = Math.Min(oldest, a.QueuedAt);
            return oldest;
        }
    }

    public bool TryAdd(PendingAppend append)
    {
        if (_byAccount.TryGetValue(append.AccountId, out var group))
        {
            if (!group.TryAdd(append)) return false;
        }
        else
        {
            group = new AccountGroup(append);
            _byAccount.Add(append.AccountId, group);
            Groups.Add(group);
        }
        EventCount += append.Events.Count;
        return true;
    }

    public static JournalBatch Of(AccountGroup group)
    {
        var b = new JournalBatch();
        foreach (var a in group.Appends) b.TryAdd(a);
        return b;
    }

    /// <summary>
    /// Smaller batches that together write the same (after one account's data broke the statement): each
    /// account alone and the audits together; a batch of audits only splits into single audits.
    /// Empty when the batch cannot be split any further.
    /// </summary>
    public List<JournalBatch> Split()
    {
        var parts = new List<JournalBatch>();
        if (Groups.Count + (Audits.Count > 0 ? 1 : 0) > 1)
        {
            parts.AddRange(Groups.Select(Of));
            if (Audits.Count > 0) parts.Add(OfAudits(Audits));
        }
        else if (Groups.Count == 0 && Audits.Count > 1)
        {
            parts.AddRange(Audits.Select(a => OfAudits([a])));
        }
        return parts;
    }

    private static JournalBatch OfAudits(IEnumerable<PendingAudit> audits)
    {
        var b = new JournalBatch();
        b.Audits.AddRange(audits);
        return b;
    }

    /// <summary>The same batch without <paramref name="accounts"/> (whose claims lost).</summary>
    public JournalBatch Without(IReadOnlySet<string> accounts)
    {
        var b = new JournalBatch();
        foreach (var g in Groups)
            if (!accounts.Contains(g.AccountId))
                foreach (var a in g.Appends) b.TryAdd(a);
        b.Audits.AddRange(Audits);
        return b;
    }

    public void CompleteAll()
    {
        foreach (var g in Groups) g.Complete();
        foreach (var a in Audits) a.Completion.TrySetResult();
    }

    public void FailAll(Exception ex)
    {
        foreach (var g in Groups) g.Fail(ex);
        foreach (var a in Audits) a.Completion.TrySetException(ex);
    }
}
