namespace ActorTrading.Runtime.Mailbox;

/// <summary>
/// Vyukov's intrusive-free multi-producer single-consumer linked queue: one exchange per enqueue,
/// no atomic operation to dequeue. Allocates a node per item, so it serves the rare system
/// messages; user messages go through <see cref="MpscQueue{T}"/>.
/// </summary>
internal sealed class MpscLinkedQueue<T> where T : class
{
    private Node _head;
    private Node _tail;

    public MpscLinkedQueue() => _head = _tail = new Node(null);

    public void Enqueue(T item)
    {
        var node = new Node(item);
        var previous = Interlocked.Exchange(ref _tail, node);
        Volatile.Write(ref previous.Next, node);
    }

    /// <summary>Single consumer only.</summary>
    public bool TryDequeue(out T? item)
    {
        var next = Volatile.Read(ref _head.Next);
        if (next is null)
        {
            item = null;
            return false;
        }
        item = next.Item;
        next.Item = null;
        _head = next;
        return true;
    }

    /// <summary>True when an item is linked or being linked.</summary>
    public bool HasItems => Volatile.Read(ref _tail) != Volatile.Read(ref _head);

    private sealed class Node(T? item)
    {
        public T? Item = item;
        public Node? Next;
    }
}
