using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ActorTrading.Host.Security;

/// <summary>
/// SHA-256 of a presented API key, computed on the stack (no byte arrays or hex strings per call): what the admin key is
/// compared with and what the authenticator's cache is keyed by, so no raw key is kept in memory.
/// </summary>
public readonly record struct KeyDigest(ulong A, ulong B, ulong C, ulong D)
{
    /// <summary>Longest key (characters) hashed from a stack buffer; a longer key is hashed from a heap buffer.</summary>
    public const int MaxStackKeyLength = 512;

    public static KeyDigest Of(string key)
    {
        var max = Encoding.UTF8.GetMaxByteCount(key.Length);
        Span<byte> utf8 = max <= MaxStackKeyLength * 3 ? stackalloc byte[MaxStackKeyLength * 3] : new byte[max];
        var length = Encoding.UTF8.GetBytes(key, utf8);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(utf8[..length], hash);
        return new(BinaryPrimitives.ReadUInt64LittleEndian(hash), BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(hash[16..]), BinaryPrimitives.ReadUInt64LittleEndian(hash[24..]));
    }

    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, A);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], B);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], C);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], D);
    }
}
