using System.Buffers;
using System.Text;

namespace ActorTrading.Grpc.Http2;

/// <summary>
/// A complete HPACK decoder (RFC 7541): indexed fields, literals with and without indexing, never-indexed literals,
/// dynamic table size updates, Huffman strings. One per connection (the dynamic table is connection state); decodes
/// whole header blocks (HEADERS + CONTINUATION already joined).
/// </summary>
internal sealed class HpackDecoder(int maxTableSize = HpackDecoder.DefaultTableSize)
{
    public const int DefaultTableSize = 4096;

    private readonly HpackDynamicTable _table = new(maxTableSize);
    private readonly int _settingsMaxSize = maxTableSize;

    /// <summary>Decodes one header block into <paramref name="headers"/>; throws <see cref="HpackException"/> when malformed.</summary>
    public void Decode(ReadOnlySpan<byte> block, List<KeyValuePair<string, string>> headers)
    {
        var position = 0;
        var fieldSeen = false;
        while (position < block.Length)
        {
            var first = block[position];
            if ((first & 0x80) != 0)
            {
                var (name, value) = Lookup(ReadInteger(block, ref position, 7));
                headers.Add(new(name, value));
            }
            else if ((first & 0xC0) == 0x40)
            {
                var (name, value) = ReadLiteral(block, ref position, 6);
                _table.Add(name, value);
                headers.Add(new(name, value));
            }
            else if ((first & 0xE0) == 0x20)
            {
                if (fieldSeen)
                {
                    throw new HpackException("A dynamic table size update after a header field.");
                }

                var size = ReadInteger(block, ref position, 5);
                if (size > _settingsMaxSize)
                {
                    throw new HpackException($"Dynamic table size update to {size} exceeds the advertised {_settingsMaxSize}.");
                }

                _table.Resize(size);
                continue;
            }
            else
            {
                // 0000xxxx without indexing, 0001xxxx never indexed: both 4-bit prefixes.
                var (name, value) = ReadLiteral(block, ref position, 4);
                headers.Add(new(name, value));
            }

            fieldSeen = true;
        }
    }

    private (string Name, string Value) Lookup(int index)
    {
        if (index <= 0)
        {
            throw new HpackException("Header index 0.");
        }

        if (index <= HpackStaticTable.Count)
        {
            return HpackStaticTable.Entries[index];
        }

        var dynamicIndex = index - HpackStaticTable.Count;
        return dynamicIndex <= _table.Count ? _table[dynamicIndex] : throw new HpackException($"Header index {index} is outside the tables.");
    }

    private (string Name, string Value) ReadLiteral(ReadOnlySpan<byte> block, ref int position, int prefix)
    {
        var nameIndex = ReadInteger(block, ref position, prefix);
        var name = nameIndex == 0 ? ReadString(block, ref position) : Lookup(nameIndex).Name;
        return (name, ReadString(block, ref position));
    }

    private static string ReadString(ReadOnlySpan<byte> block, ref int position)
    {
        if (position >= block.Length)
        {
            throw new HpackException("Truncated header block.");
        }

        var huffman = (block[position] & 0x80) != 0;
        var length = ReadInteger(block, ref position, 7);
        if (length > block.Length - position)
        {
            throw new HpackException("Truncated header string.");
        }

        var raw = block.Slice(position, length);
        position += length;
        if (!huffman)
        {
            return HeaderStrings.Get(raw);
        }

        var max = Huffman.MaxDecodedLength(length);
        byte[]? rented = null;
        var buffer = max <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var written = Huffman.Decode(raw, buffer);
            return written < 0 ? throw new HpackException("Malformed Huffman string.") : HeaderStrings.Get(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>An HPACK integer with an N-bit prefix (RFC 7541 §5.1).</summary>
    internal static int ReadInteger(ReadOnlySpan<byte> block, ref int position, int prefixBits)
    {
        if (position >= block.Length)
        {
            throw new HpackException("Truncated header block.");
        }

        var mask = (1 << prefixBits) - 1;
        var value = block[position++] & mask;
        if (value < mask)
        {
            return value;
        }

        var shift = 0;
        while (true)
        {
            if (position >= block.Length || shift > 21)
            {
                throw new HpackException("Truncated or oversized header integer.");
            }

            var b = block[position++];
            value += (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
