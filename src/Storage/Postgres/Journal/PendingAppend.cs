using ActorTrading.Events.V1;

namespace ActorTrading.Storage.Postgres.Journal;

/// <summary>One AppendAsync waiting for the group-commit writer; payloads serialized by the caller.</summary>
internal sealed class PendingAppend(string accountId, long firstSeq, IReadOnlyList<AccountEvent> events, DateTime[] at, byte[][] payloads)
    : PendingWrite
{
    public string AccountId { get; } = accountId;
    public long FirstSeq { get; } = firstSeq;
    public IReadOnlyList<AccountEvent> Events { get; } = events;
    public DateTime[] At { get; } = at;
    public byte[][] Payloads { get; } = payloads;
    public long LastSeq => FirstSeq + Events.Count - 1;
}
