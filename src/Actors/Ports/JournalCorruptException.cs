namespace ActorTrading.Actors.Ports;

/// <summary>A stored event or snapshot no longer parses: names the account and the seq.</summary>
public sealed class JournalCorruptException : Exception
{
    public JournalCorruptException(string accountId, long seq, string what, Exception? inner = null)
        : base($"corrupt {what} for account '{accountId}' at seq {seq}: {inner?.Message ?? "unreadable"}", inner)
    {
        AccountId = accountId;
        Seq = seq;
    }

    public string AccountId { get; }

    public long Seq { get; }
}
