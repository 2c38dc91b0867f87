using System.Collections.Concurrent;

namespace ActorTrading.Runtime.Mailbox;

/// <summary>
/// A mailbox where the latest message per key wins: a message whose key (from the user's
/// selector) is already queued replaces the queued one in place, keeping its position; messages
/// with a null key are queued normally. A slow reader of market data sees only the latest quote
/// per instrument instead of an ever-growing backlog.
/// <para>
/// Lock-free: each key has a <see cref="Slot"/> (a cell holding the key's latest undelivered message). A sender
/// exchanges its message into the slot; the sender that fills an empty slot puts the slot in the lock-free queue
/// (<see cref="MpscQueue{T}"/>), every later sender only replaces the message while the slot waits there. The
/// reader takes the slot's message with one exchange. Per sender, messages stay in order. The slots of the first
/// few keys sit in a small copy-on-write array (one key per instrument is the usual case: no hashing); more keys
/// go to a concurrent dictionary, which is emptied whenever the reader finds the queue empty while it holds more than
/// <see cref="PruneAbove"/> keys, so keys that come and go do not accumulate. Nothing is allocated per message once
/// a key has its slot.
/// </para>
/// </summary>
public sealed class ConflatingMailbox : MailboxBase
{
    private const int LinearKeys = 8;
    private const int PruneAbove = 256;

    private readonly Func<object, object?> _keySelector;
    private readonly MpscQueue<object> _queue = new();
    private Slot[] _slots = [];                          // copy-on-write; grows only under lock (_queue)
    private ConcurrentDictionary<object, Slot>? _many;   // keys beyond the first LinearKeys
    private int _manyCount;                              // keys in _many (its own Count takes every lock)

    public ConflatingMailbox(Func<object, object?> keySelector) => _keySelector = keySelector;

    public override int Count => _queue.Count;

    public override bool PostUserMessage(object message)
    {
        Enqueue(message); // the queue's claiming compare-and-swap or the slot exchange is the fence Schedule needs
        Schedule();
        return true;
    }

    protected override EnqueueResult EnqueueUser(object message, out object? evicted)
    {
        evicted = null;
        return Enqueue(message);
    }

    private EnqueueResult Enqueue(object message)
    {
        var key = _keySelector(MessageEnvelope.UnwrapMessage(message));
        if (key is null)
        {
            _queue.Enqueue(message);
            return EnqueueResult.Accepted;
        }
        var slot = SlotOf(key);
        if (Interlocked.Exchange(ref slot.Message, message) is not null) return EnqueueResult.Conflated;
        _queue.Enqueue(slot);
        return EnqueueResult.Accepted;
    }

    protected override bool TryDequeueUser(out object? message)
    {
        while (_queue.TryDequeue(out var item))
        {
            if (item is not Slot slot)
            {
                message = item;
                return true;
            }
            message = Interlocked.Exchange(ref slot.Message, null);
            if (message is not null) return true;
        }
        message = null;
        if (Volatile.Read(ref _manyCount) > PruneAbove && !_queue.HasItems) Prune();
        return false;
    }

    protected override bool HasUserMessages => _queue.HasItems;

    private Slot SlotOf(object key)
    {
        var slots = Volatile.Read(ref _slots);
        for (var i = 0; i < slots.Length; i++)
        {
            var slot = slots[i];
            if (ReferenceEquals(slot.Key, key) || slot.Key.Equals(key)) return slot;
        }
        var many = Volatile.Read(ref _many);
        if (many is not null && many.TryGetValue(key, out var found)) return found;
        return AddSlot(key);
    }

    /// <summary>A key seen for the first time (or again after a prune): rare, so under a lock.</summary>
    private Slot AddSlot(object key)
    {
        lock (_queue)
        {
            var slots = _slots;
            foreach (var known in slots)
                if (known.Key.Equals(key)) return known;
            if (slots.Length < LinearKeys)
            {
                var added = new Slot(key);
                Volatile.Write(ref _slots, [.. slots, added]);
                return added;
            }
            _many ??= new ConcurrentDictionary<object, Slot>();
            var slot = _many.GetOrAdd(key, static k => new Slot(k));
            _manyCount = _many.Count;
            return slot;
        }
    }

    /// <summary>Nothing is queued: forget the keys beyond the array. A sender still holding a forgotten slot delivers
    /// through it as before (it queues the slot itself); the next sender of that key gets a new slot.</summary>
    private void Prune()
    {
        lock (_queue)
        {
            _many?.Clear();
            _manyCount = 0;
        }
    }

    /// <summary>The latest undelivered message of one key; queued (once) while it holds one.</summary>
    private sealed class Slot(object key)
    {
        public readonly object Key = key;
        public object? Message;
    }
}
