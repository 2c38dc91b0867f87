namespace ActorTrading.Runtime.Mailbox;

/// <summary>
/// A mailbox where the latest message per key wins: a message whose key (from the user's
/// selector) is already queued replaces the queued one in place, keeping its position; messages
/// with a null key are queued normally. A slow reader of market data sees only the latest quote
/// per instrument instead of an ever-growing backlog. The key index is created with the first keyed
/// message, so an idle subscriber costs no dictionary.
/// </summary>
public sealed class ConflatingMailbox : MailboxBase
{
    private readonly Lock _lock = new();
    private readonly Func<object, object?> _keySelector;
    private readonly Queue<Entry> _queue = new();
    private Dictionary<object, Entry>? _byKey;
    private Entry? _free;

    public ConflatingMailbox(Func<object, object?> keySelector) => _keySelector = keySelector;

    public override int Count
    {
        get { lock (_lock) return _queue.Count; }
    }

    protected override EnqueueResult EnqueueUser(object message, out object? evicted)
    {
        evicted = null;
        var key = _keySelector(MessageEnvelope.UnwrapMessage(message));
        lock (_lock)
        {
            if (key is not null && _byKey is not null && _byKey.TryGetValue(key, out var queued))
            {
                queued.Message = message;
                return EnqueueResult.Conflated;
            }
            var entry = _free ?? new Entry();
            _free = entry.NextFree;
            entry.NextFree = null;
            entry.Key = key;
            entry.Message = message;
            _queue.Enqueue(entry);
            if (key is not null) (_byKey ??= new Dictionary<object, Entry>()).Add(key, entry);
            return EnqueueResult.Accepted;
        }
    }

    protected override bool TryDequeueUser(out object? message)
    {
        lock (_lock)
        {
            if (!_queue.TryDequeue(out var entry))
            {
                message = null;
                return false;
            }
            if (entry.Key is not null) _byKey!.Remove(entry.Key);
            message = entry.Message;
            entry.Key = null;
            entry.Message = null;
            entry.NextFree = _free;
            _free = entry;
            return true;
        }
    }

    protected override bool HasUserMessages
    {
        get { lock (_lock) return _queue.Count != 0; }
    }

    private sealed class Entry
    {
        public object? Key;
        public object? Message;
        public Entry? NextFree;
    }
}
