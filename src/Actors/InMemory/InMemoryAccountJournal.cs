using System.Runtime.CompilerServices;
using ActorTrading.Actors.Ports;
using ActorTrading.Events.V1;
using Google.Protobuf;

namespace ActorTrading.Actors.InMemory;

/// <summary>
/// The embedded node's journal: not durable. Same semantics as the PostgreSQL journal: consecutive
/// seqs per account, conflict on a seq already written, read models projected atomically with the events.
/// Events are stored serialized, so callers cannot mutate what was journaled.
/// </summary>
public sealed class InMemoryAccountJournal : IAccountJournal
{
    private readonly Dictionary<string, List<(DateTimeOffset At, byte[] Payload)>> _streams = new(StringComparer.Ordinal);
    private readonly InMemoryReadModelStore? _readModels;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public InMemoryAccountJournal(InMemoryReadModelStore? readModels = null, TimeProvider? time = null)
    {
        _readModels = readModels;
        _time = time ?? TimeProvider.System;
    }

    public Task AppendAsync(string accountId, long firstSeq, IReadOnlyList<AccountEvent> events, CancellationToken cancellationToken = default)
    {
        JournalArguments.Validate(accountId, firstSeq, events);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_streams.TryGetValue(accountId, out var stream)) _streams[accountId] = stream = new();
            if (firstSeq != stream.Count + 1)
                return Task.FromException(new JournalConflictException(accountId, firstSeq, stream.Count));
            var changes = _readModels is null ? null : new ReadModelChanges();
            foreach (var e in events)
            {
                var at = e.At?.ToDateTimeOffset() ?? _time.GetUtcNow();
                stream.Add((at, e.ToByteArray()));
                if (changes is not null) ReadModelProjector.Apply(changes, accountId, stream.Count, e, at);
            }
            if (changes is not null) _readModels!.Apply(changes);
        }
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<JournaledEvent> LoadAsync(string accountId, long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        (DateTimeOffset At, byte[] Payload)[] copy;
        lock (_gate)
        {
            copy = _streams.TryGetValue(accountId, out var s) && afterSeq < s.Count
                ? s.GetRange((int)Math.Max(0, afterSeq), s.Count - (int)Math.Max(0, afterSeq)).ToArray()
                : [];
        }
        long seq = Math.Max(0, afterSeq);
        foreach (var (at, payload) in copy)
        {
            cancellationToken.ThrowIfCancellationRequested();
            seq++;
            yield return new JournaledEvent(accountId, seq, at, AccountEvent.Parser.ParseFrom(payload));
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<long> GetLastSeqAsync(string accountId, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_streams.TryGetValue(accountId, out var s) ? (long)s.Count : 0L);
    }
}
