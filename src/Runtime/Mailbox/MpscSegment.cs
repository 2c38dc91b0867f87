namespace ActorTrading.Runtime.Mailbox;

/// <summary>
/// One ring of <see cref="MpscQueue{T}"/>: a bounded multi-producer single-consumer ring with a
/// sequence number per slot (Vyukov; the design of ConcurrentQueue's segment). Producers claim a
/// slot with one compare-and-swap on the tail; the single consumer needs no atomic operation.
/// The ring is reused for ever; it is only replaced (by a bigger one) when it fills up.
/// The two indexes share a cache line: padding them apart costs 128 B per ring, i.e. per actor, and
/// most actors are idle (an account tree is four of them); a mailbox's producer and its consumer
/// rarely touch it at the same instant.
/// </summary>
internal sealed class MpscSegment<T> where T : class
{
    private readonly Slot[] _slots;
    private readonly int _mask;
    private int _head;
    private int _tail;
    private MpscSegment<T>? _next;

    public MpscSegment(int capacity)
    {
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        for (var i = 0; i < capacity; i++) _slots[i].Sequence = i;
    }

    public int Capacity => _slots.Length;
    private int FreezeOffset => _slots.Length * 2;

    public MpscSegment<T>? Next
    {
        get => Volatile.Read(ref _next);
        set => Volatile.Write(ref _next, value);
    }

    public bool TryEnqueue(T item)
    {
        var slots = _slots;
        while (true)
        {
            var tail = Volatile.Read(ref _tail);
            ref var slot = ref slots[tail & _mask];
            var diff = Volatile.Read(ref slot.Sequence) - tail;
            if (diff == 0)
            {
                if (Interlocked.CompareExchange(ref _tail, tail + 1, tail) == tail)
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
        var head = _head;
        ref var slot = ref _slots[head & _mask];
        if (Volatile.Read(ref slot.Sequence) == head + 1)
        {
            item = slot.Item;
            slot.Item = null;
            Volatile.Write(ref slot.Sequence, head + _slots.Length);
            Volatile.Write(ref _head, head + 1);
            return true;
        }
        item = null;
        return false;
    }

    /// <summary>After this no enqueue succeeds; called once, when the segment is full, under the grow lock.</summary>
    public void Freeze() => Interlocked.Add(ref _tail, FreezeOffset);

    public bool IsFrozen => Volatile.Read(ref _next) is not null;

    /// <summary>Slots claimed (published or still being written) minus slots consumed.</summary>
    public int Count
    {
        get
        {
            var tail = Volatile.Read(ref _tail);
            if (IsFrozen) tail -= FreezeOffset;
            var count = tail - Volatile.Read(ref _head);
            return count < 0 ? 0 : count;
        }
    }

    private struct Slot
    {
        public T? Item;
        public int Sequence;
    }
}
