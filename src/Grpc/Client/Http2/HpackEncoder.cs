using System.Buffers;

namespace ActorTrading.Grpc.Http2;

/// <summary>
/// The request side of HPACK's primitives: indices, literals without indexing, strings (never Huffman-coded), integers.
/// The dynamic table that repeated fields use lives in <see cref="HpackEncoderTable"/> (one per connection).
/// Names are lower-cased on the way out, as HTTP/2 requires.
/// </summary>
internal static class HpackEncoder
{
    public static void WriteIndexed(IBufferWriter<byte> output, int index) => WriteInteger(output, 0x80, 7, index);

    /// <summary>Literal without indexing, name from the static table.</summary>
    public static void WriteLiteral(IBufferWriter<byte> output, int nameIndex, string value)
    {
        WriteInteger(output, 0x00, 4, nameIndex);
        WriteString(output, value, lowerCase: false);
    }

    /// <summary>Literal without indexing, new name.</summary>
    public static void WriteLiteral(IBufferWriter<byte> output, string name, string value)
    {
        var span = output.GetSpan(1);
        span[0] = 0x00;
        output.Advance(1);
        WriteString(output, name, lowerCase: true);
        WriteString(output, value, lowerCase: false);
    }

    public static void WriteString(IBufferWriter<byte> output, string value, bool lowerCase)
    {
        Check(value);
        WriteInteger(output, 0x00, 7, value.Length);
        var span = output.GetSpan(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            span[i] = lowerCase && c is >= 'A' and <= 'Z' ? (byte)(c | 0x20) : (byte)c;
        }

        output.Advance(value.Length);
    }

    /// <summary>Throws unless every character of <paramref name="value"/> fits one byte (ISO-8859-1), as header text must.</summary>
    public static void Check(string value)
    {
        // A plain loop: the generic span helpers box their char arguments until the JIT tiers them up.
        foreach (var c in value)
        {
            if (c > 0xFF)
            {
                throw new HttpRequestException($"Header text '{value}' has a character outside ISO-8859-1.");
            }
        }
    }

    /// <summary>An integer with an N-bit prefix (RFC 7541 §5.1); <paramref name="flags"/> fill the bits above the prefix.</summary>
    public static void WriteInteger(IBufferWriter<byte> output, byte flags, int prefixBits, int value)
    {
        var span = output.GetSpan(6);
        var max = (1 << prefixBits) - 1;
        if (value < max)
        {
            span[0] = (byte)(flags | value);
            output.Advance(1);
            return;
        }

        span[0] = (byte)(flags | max);
        var written = 1;
        value -= max;
        while (value >= 0x80)
        {
            span[written++] = (byte)((value & 0x7F) | 0x80);
            value >>= 7;
        }

        span[written++] = (byte)value;
        output.Advance(written);
    }
}
