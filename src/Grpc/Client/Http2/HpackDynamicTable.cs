namespace ActorTrading.Grpc.Http2;

/// <summary>The decoder's dynamic table (RFC 7541 §2.3.2, §4): a ring of entries, newest first, evicted by size.</summary>
internal sealed class HpackDynamicTable(int maxSize)
{
    private (string Name, string Value)[] _entries = new (string, string)[16];
    private int _newest = -1;
    private int _count;

    public int Size { get; private set; }

    public int MaxSize { get; private set; } = maxSize;

    public int Count => _count;

    /// <summary>Entry 1 is the newest.</summary>
    public (string Name, string Value) this[int index]
    {
        get
        {
            var slot = _newest - (index - 1);
            return _entries[slot < 0 ? slot + _entries.Length : slot];
        }
    }

    public static int EntrySize(string name, string value) => name.Length + value.Length + 32;

    public void Resize(int maxSize)
    {
        MaxSize = maxSize;
        Evict(0);
    }

    public void Add(string name, string value)
    {
        var size = EntrySize(name, value);
        if (size > MaxSize)
        {
            // An entry larger than the table empties it and is not added (RFC 7541 §4.4).
            Evict(MaxSize + 1);
            return;
        }

        Evict(size);
        if (_count == _entries.Length)
        {
            var bigger = new (string, string)[_entries.Length * 2];
            for (var i = 0; i < _count; i++)
            {
                bigger[_count - 1 - i] = this[i + 1];
            }

            _entries = bigger;
            _newest = _count - 1;
        }

        _newest = (_newest + 1) % _entries.Length;
        _entries[_newest] = (name, value);
        _count++;
        Size += size;
    }

    private void Evict(int incoming)
    {
        while (_count > 0 && Size + incoming > MaxSize)
        {
            var oldest = this[_count];
            Size -= EntrySize(oldest.Name, oldest.Value);
            var slot = _newest - (_count - 1);
            _entries[slot < 0 ? slot + _entries.Length : slot] = default;
            _count--;
        }
    }
}
