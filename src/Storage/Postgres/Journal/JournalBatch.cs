namespace ActorTrading.Storage.Postgres.Journal;

/// <summary>
/// The appends one group commit writes: at most one <see cref="AccountGroup"/> per account, so each
/// account's seq claim is a single conditional update. An append that does not follow its account's
/// group (a duplicate seq from a second writer) waits for the next batch, where it conflicts.
/// </summary>
internal sealed class JournalBatch
{
    private readonly Dictionary<string, AccountGroup> _byAccount = new(StringComparer.Ordinal);

    public List<AccountGroup> Groups { get; } = [];

    public int EventCount { get; private set; }

    public bool Contains(string accountId) => _byAccount.ContainsKey(accountId);

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

    public void Clear()
    {
        _byAccount.Clear();
        Groups.Clear();
        EventCount = 0;
    }

    public void FailAll(Exception ex)
    {
        foreach (var g in Groups) g.Fail(ex);
    }
}
