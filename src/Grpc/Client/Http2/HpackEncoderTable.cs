using System.Buffers;

namespace ActorTrading.Grpc.Http2;

/// <summary>
/// The request side's HPACK dynamic table (RFC 7541 §2.3.2, §4): a mirror of what the server's decoder holds.
/// Fields that repeat on every call (<c>:path</c>, <c>:authority</c>, <c>content-type</c>, <c>te</c>, ...) go out
/// once as "literal with incremental indexing" and then as a one-byte index, so a unary request's header block shrinks
/// from ~150 bytes to ~10 and the server decodes table hits instead of literals. One per connection; every call runs
/// under the connection lock, in the order blocks go on the wire (the table's state must match the peer's).
/// </summary>
internal sealed class HpackEncoderTable
{
    /// <summary>The table size both sides start with; we never use more, even if the peer allows it.</summary>
    public const int DefaultCapacity = 4096;

    private const int EntryOverhead = 32;
    private readonly Queue<(string Name, string Value, long Number)> _entries = new();
    private readonly Dictionary<(string Name, string Value), long> _numbers = new(FieldComparer.Instance);
    private long _inserted;
    private int _size;
    private int _capacity = DefaultCapacity;
    private int _smallestPending = -1;
    private bool _sizeUpdatePending;

    /// <summary>Bytes the entries take (name + value + 32 each), as the peer counts them.</summary>
    public int Size => _size;

    public int Count => _entries.Count;

    /// <summary>The peer's SETTINGS_HEADER_TABLE_SIZE: shrink (and tell the peer in the next block) if it is below ours.</summary>
    public void SetPeerMaxSize(uint peerMax)
    {
        var capacity = (int)Math.Min(peerMax, DefaultCapacity);
        if (capacity == _capacity)
        {
            return;
        }

        _capacity = capacity;
        _smallestPending = _sizeUpdatePending ? Math.Min(_smallestPending, capacity) : capacity;
        _sizeUpdatePending = true;
        Evict(0);
    }

    /// <summary>Starts a header block: the dynamic table size update(s) owed since the last SETTINGS change come first.</summary>
    public void BeginBlock(IBufferWriter<byte> output)
    {
        if (!_sizeUpdatePending)
        {
            return;
        }

        if (_smallestPending < _capacity)
        {
            HpackEncoder.WriteInteger(output, 0x20, 5, _smallestPending);
        }

        HpackEncoder.WriteInteger(output, 0x20, 5, _capacity);
        _sizeUpdatePending = false;
    }

    /// <summary>
    /// Writes <paramref name="name"/> (lower case) = <paramref name="value"/>: as an index when the table has it, else as
    /// a literal with incremental indexing (name from the static table when <paramref name="staticNameIndex"/> &gt; 0).
    /// The text must already be checked to be ISO-8859-1 (<see cref="HpackEncoder.Check"/>): a block must not fail halfway.
    /// </summary>
    public void WriteField(IBufferWriter<byte> output, int staticNameIndex, string name, string value)
    {
        if (_numbers.TryGetValue((name, value), out var number))
        {
            HpackEncoder.WriteIndexed(output, HpackStaticTable.Count + 1 + (int)(_inserted - 1 - number));
            return;
        }

        var size = name.Length + value.Length + EntryOverhead;
        if (size > _capacity)
        {
            if (staticNameIndex > 0)
            {
                HpackEncoder.WriteLiteral(output, staticNameIndex, value);
            }
            else
            {
                HpackEncoder.WriteLiteral(output, name, value);
            }

            return;
        }

        if (staticNameIndex > 0)
        {
            HpackEncoder.WriteInteger(output, 0x40, 6, staticNameIndex);
        }
        else
        {
            HpackEncoder.WriteInteger(output, 0x40, 6, 0);
            HpackEncoder.WriteString(output, name, lowerCase: true);
        }

        HpackEncoder.WriteString(output, value, lowerCase: false);
        Evict(size);
        _entries.Enqueue((name, value, _inserted));
        _numbers[(name, value)] = _inserted;
        _inserted++;
        _size += size;
    }

    /// <summary>Drops the oldest entries until <paramref name="room"/> more bytes fit (RFC 7541 §4.4).</summary>
    private void Evict(int room)
    {
        while (_entries.Count > 0 && _size + room > _capacity)
        {
            var (name, value, number) = _entries.Dequeue();
            _size -= name.Length + value.Length + EntryOverhead;
            if (_numbers.TryGetValue((name, value), out var current) && current == number)
            {
                _numbers.Remove((name, value));
            }
        }
    }

    /// <summary>
    /// Cheap hashing for the few fields we index: the strings are mostly the same instances call after call, so
    /// reference equality answers first, and the hash skips the randomized full-string hash (a miss only costs bytes).
    /// </summary>
    private sealed class FieldComparer : IEqualityComparer<(string Name, string Value)>
    {
        public static readonly FieldComparer Instance = new();

        public bool Equals((string Name, string Value) x, (string Name, string Value) y) =>
            (ReferenceEquals(x.Name, y.Name) || string.Equals(x.Name, y.Name, StringComparison.Ordinal)) &&
            (ReferenceEquals(x.Value, y.Value) || string.Equals(x.Value, y.Value, StringComparison.Ordinal));

        public int GetHashCode((string Name, string Value) field)
        {
            var value = field.Value;
            var hash = (field.Name.Length * 397) ^ (value.Length * 31);
            return value.Length == 0 ? hash : hash ^ (value[^1] << 8) ^ value[value.Length / 2] ^ (value[0] << 16);
        }
    }
}
