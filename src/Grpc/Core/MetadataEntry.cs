using System.Text;

namespace ActorTrading.Grpc;

/// <summary>One metadata (header or trailer) entry. Keys ending in <c>-bin</c> carry bytes (base64 on the wire); others ASCII text.</summary>
public sealed class MetadataEntry
{
    public const string BinarySuffix = "-bin";

    private readonly string? _value;
    private readonly byte[]? _bytes;

    public MetadataEntry(string key, string value)
    {
        Key = NormalizeKey(key);
        if (IsBinaryKey(Key))
        {
            throw new ArgumentException($"Metadata key '{Key}' ends in -bin: give its value as bytes.", nameof(key));
        }

        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    public MetadataEntry(string key, byte[] value)
    {
        Key = NormalizeKey(key);
        if (!IsBinaryKey(Key))
        {
            throw new ArgumentException($"Metadata key '{Key}' carries bytes, so it must end in -bin.", nameof(key));
        }

        _bytes = value ?? throw new ArgumentNullException(nameof(value));
    }

    public string Key { get; }

    public bool IsBinary => _bytes is not null;

    /// <summary>The text value; for a binary entry, throws.</summary>
    public string Value => _value ?? throw new InvalidOperationException($"Metadata entry '{Key}' is binary: read ValueBytes.");

    /// <summary>The bytes of a binary entry, or the ASCII bytes of a text entry.</summary>
    public byte[] ValueBytes => _bytes ?? Encoding.ASCII.GetBytes(_value!);

    public static bool IsBinaryKey(string key) => key.EndsWith(BinarySuffix, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => IsBinary ? $"{Key}: [{_bytes!.Length} bytes]" : $"{Key}: {_value}";

    private static string NormalizeKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var lower = key.ToLowerInvariant();
        foreach (var c in lower)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))
            {
                throw new ArgumentException($"Metadata key '{key}' has '{c}': only 0-9 a-z - _ . are allowed.", nameof(key));
            }
        }

        return lower;
    }
}
