namespace ActorTrading.Actors.Ports;

/// <summary>
/// An append lost the race for its seq: another writer (a second owner of the account, e.g. after a
/// split brain) already wrote it. The account must stop and recover from the journal.
/// </summary>
public sealed class JournalConflictException : Exception
{
    public JournalConflictException(string accountId, long firstSeq, long lastSeqInJournal)
        : base($"journal conflict on account '{accountId}': seq {firstSeq} is not next " +
               $"(the journal holds up to seq {lastSeqInJournal}); another writer owns this account")
    {
        AccountId = accountId;
        FirstSeq = firstSeq;
        LastSeqInJournal = lastSeqInJournal;
    }

    public string AccountId { get; }

    public long FirstSeq { get; }

    /// <summary>The last seq the journal held when the conflict was detected; -1 if unknown.</summary>
    public long LastSeqInJournal { get; }
}
