namespace ActorTrading.Runtime.Mailbox;

/// <summary>
/// One ring of <see cref="MpscQueue{T}"/>: a bounded multi-producer single-consumer ring with a
/// sequence number per slot (Vyukov; the design of ConcurrentQueue's segment). Producers claim a
/// slot with one compare-and-swap on the tail; the single consumer needs no atomic operation.
/// The ring is reused for ever; it is only replaced (by a bigger one) when it fills up.
/// Where the two indexes live (<typeparamref name="TIndexes"/>: side by side or a cache line apart)
/// is chosen by the queue's owner.
/// </summary>
internal sealed class MpscSegment<T, TIndexes> where T : class where TIndexes : struct, IRingIndexes
{
    private readonly Slot[] _slots;
    private readonly int _mask;
    private TIndexes _indexes = default; // mutated through the ref properties
    private MpscSegment<T, TIndexes>? _next;

    public MpscSegment(int capacity)
    {
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        for (var i = 0; i < capacity; i++) _slots[i].Sequence = i;
    }

    public int Capacity => _slots.Length;
    private int FreezeOffset => _slots.Length * 2;

    public MpscSegment<T, TIndexes>? Next
    {
        get => Volatile.Read(ref _next);
        set => Volatile.Write(ref _next, value);
    }

    public bool TryEnqueue(T item)
    {
        var slots = _slots;
        while (true)
        {
            var tail = Volatile.Read(ref _indexes.Tail);
            ref var slot = ref slots[tail & _mask];
            var diff = Volatile.Read(ref slot.Sequence) - tail;
            if (diff == 0)
            {
                if (Interlocked.CompareExchange(ref _indexes.Tail, tail + 1, tail) == tail)
                {
                    slot.Item = item;
                    Volatile.Write(ref slot.Sequence, tail + 1);
                    return true;
                }
            }
            else if (diff < 0)
            {
                return false; // full, or frozen
            }
        }
    }

    /// <summary>Single consumer only.</summary>
    public bool TryDequeue(out T? item)
    {
        var head = _indexes.Head;
        ref var slot = ref _slots[head & _mask];
        if (Volatile.Read(ref slot.Sequence) == head + 1)
        {
            item = slot.Item;
            slot.Item = null;
            Volatile.Write(ref slot.Sequence, head + _slots.Length);
            Volatile.Write(ref _indexes.Head, head + 1);
            return true;
        }
        item = null;
        return false;
    }

    /// <summary>After this no enqueue succeeds; called once, when the segment is full, under the grow lock.</summary>
    public void Freeze() => Interlocked.Add(ref _indexes.Tail, FreezeOffset);

    public bool IsFrozen => Volatile.Read(ref _next) is not null;

    /// <summary>Slots claimed (published or still being written) minus slots consumed.</summary>
    public int Count
    {
        get
        {
            var tail = Volatile.Read(ref _indexes.Tail);
            if (IsFrozen) tail -= FreezeOffset;
            var count = tail - Volatile.Read(ref _indexes.Head);
            return count < 0 ? 0 : count;
        }
    }

    private struct Slot
    {
        public T? Item;
        public int Sequence;
    }
}
