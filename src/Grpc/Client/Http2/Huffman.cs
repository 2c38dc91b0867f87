namespace ActorTrading.Grpc.Http2;

/// <summary>
/// HPACK's static Huffman code (RFC 7541 Appendix B). The code is canonical, so the bit lengths of the 257 symbols are
/// enough: codes are assigned in order of length, then symbol. Decoding walks bit by bit over the per-length ranges.
/// </summary>
internal static class Huffman
{
    /// <summary>Bit length of each symbol's code; index 256 is EOS.</summary>
    internal static readonly byte[] Lengths =
    [
        13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6, // ' ' .. '/'
        5, 5, 5, 6, 6, 6, 6, 6, 6, 6, // '0' .. '9'
        7, 8, 15, 6, 12, 10, 13, // ':' .. '@'
        6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, // 'A' .. 'Z'
        13, 19, 13, 14, 6, 15, // '[' .. '`'
        5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5, 6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, // 'a' .. 'z'
        15, 11, 14, 13, 28, // '{' .. 127
        20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23,
        24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,
        22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23,
        21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,
        26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25,
        19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,
        20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23,
        26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,
        30, // EOS
    ];

    private const int MaxLength = 30;

    /// <summary>Symbols sorted by (length, symbol): the canonical order.</summary>
    private static readonly short[] Symbols = new short[257];

    /// <summary>First code of each length, and where that length's symbols start in <see cref="Symbols"/>.</summary>
    private static readonly uint[] FirstCode = new uint[MaxLength + 2];
    private static readonly int[] FirstIndex = new int[MaxLength + 2];
    private static readonly int[] Count = new int[MaxLength + 2];

    /// <summary>The code of each symbol (right-aligned), derived once.</summary>
    internal static readonly uint[] Codes = new uint[257];

    static Huffman()
    {
        foreach (var length in Lengths)
        {
            Count[length]++;
        }

        uint code = 0;
        var index = 0;
        for (var length = 1; length <= MaxLength; length++)
        {
            FirstCode[length] = code;
            FirstIndex[length] = index;
            index += Count[length];
            code = (code + (uint)Count[length]) << 1;
        }

        var next = new int[MaxLength + 2];
        for (var symbol = 0; symbol < 257; symbol++)
        {
            var length = Lengths[symbol];
            var rank = next[length]++;
            Symbols[FirstIndex[length] + rank] = (short)symbol;
            Codes[symbol] = FirstCode[length] + (uint)rank;
        }
    }

    /// <summary>Decodes a Huffman string into <paramref name="destination"/>; returns the bytes written, or -1 when malformed.</summary>
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = 0;
        uint code = 0;
        var length = 0;
        foreach (var octet in source)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                code = (code << 1) | (uint)((octet >> bit) & 1);
                length++;
                var offset = code - FirstCode[length];
                if (offset < (uint)Count[length])
                {
                    var symbol = Symbols[FirstIndex[length] + (int)offset];
                    if (symbol == 256 || written == destination.Length)
                    {
                        return -1; // EOS inside a string is an error (RFC 7541 5.2)
                    }

                    destination[written++] = (byte)symbol;
                    code = 0;
                    length = 0;
                }
                else if (length == MaxLength)
                {
                    return -1;
                }
            }
        }

        // Padding: fewer than 8 bits, all ones (the most significant bits of EOS).
        return length > 7 || code != (1u << length) - 1 ? -1 : written;
    }

    /// <summary>The largest decoded size of an encoded string (shortest code is 5 bits).</summary>
    public static int MaxDecodedLength(int encodedLength) => encodedLength * 8 / 5;

    /// <summary>Encodes (used by tests and benchmarks to produce the strings grpc-js and nghttp2 send).</summary>
    public static byte[] Encode(ReadOnlySpan<byte> source)
    {
        var output = new List<byte>(source.Length);
        ulong buffer = 0;
        var bits = 0;
        foreach (var octet in source)
        {
            buffer = (buffer << Lengths[octet]) | Codes[octet];
            bits += Lengths[octet];
            while (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
            }
        }

        if (bits > 0)
        {
            output.Add((byte)((buffer << (8 - bits)) | (0xFFu >> bits)));
        }

        return output.ToArray();
    }
}
