using ActorTrading.Events.V1;

namespace ActorTrading.Actors.Ports;

/// <summary>Argument rules every <see cref="IAccountJournal"/> enforces the same way.</summary>
public static class JournalArguments
{
    public const int MaxAccountIdLength = 128;

    public static void Validate(string accountId, long firstSeq, IReadOnlyList<AccountEvent> events)
    {
        if (string.IsNullOrEmpty(accountId) || accountId.Length > MaxAccountIdLength)
            throw new ArgumentException($"account id must be 1..{MaxAccountIdLength} characters", nameof(accountId));
        if (firstSeq < 1) throw new ArgumentOutOfRangeException(nameof(firstSeq), firstSeq, "seqs start at 1");
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) throw new ArgumentException("at least one event is required", nameof(events));
        for (int i = 0; i < events.Count; i++)
            if (events[i] is null || events[i].EventCase == AccountEvent.EventOneofCase.None)
                throw new ArgumentException($"event {i} is empty (no event case set)", nameof(events));
    }
}
