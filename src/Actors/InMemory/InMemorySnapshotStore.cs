using System.Collections.Concurrent;
using ActorTrading.Actors.Ports;
using ActorTrading.Events.V1;
using Google.Protobuf;

namespace ActorTrading.Actors.InMemory;

/// <summary>Keeps the newest snapshot per account, serialized.</summary>
public sealed class InMemorySnapshotStore : ISnapshotStore
{
    private readonly ConcurrentDictionary<string, (long Seq, byte[] Payload)> _latest = new(StringComparer.Ordinal);

    public Task SaveAsync(AccountSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        SnapshotArguments.Validate(snapshot);
        var entry = (snapshot.LastSeq, snapshot.ToByteArray());
        _latest.AddOrUpdate(snapshot.AccountId, entry, (_, old) => old.Seq >= entry.LastSeq ? old : entry);
        return Task.CompletedTask;
    }

    public Task<AccountSnapshot?> LoadLatestAsync(string accountId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_latest.TryGetValue(accountId, out var e) ? AccountSnapshot.Parser.ParseFrom(e.Payload) : null);
}
