namespace ActorTrading.Storage.Postgres.Journal;

/// <summary>The contiguous appends of one account inside one batch: one seq claim FirstSeq..LastSeq.</summary>
internal sealed class AccountGroup(PendingAppend first)
{
    public string AccountId { get; } = first.AccountId;
    public long FirstSeq { get; } = first.FirstSeq;
    public long LastSeq { get; private set; } = first.LastSeq;
    public List<PendingAppend> Appends { get; } = [first];
    public int EventCount { get; private set; } = first.Events.Count;

    public bool TryAdd(PendingAppend next)
    {
        if (next.FirstSeq != LastSeq + 1) return false;
        Appends.Add(next);
        LastSeq = next.LastSeq;
        EventCount += next.Events.Count;
        return true;
    }

    public void Complete()
    {
        foreach (var a in Appends) a.Completion.TrySetResult();
    }

    public void Fail(Exception ex)
    {
        foreach (var a in Appends) a.Completion.TrySetException(ex);
    }
}
