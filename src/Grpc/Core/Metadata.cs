using System.Collections;

namespace ActorTrading.Grpc;

/// <summary>Request headers, response headers or trailers of a call: an ordered list of entries; a key may repeat.</summary>
public sealed class Metadata : IReadOnlyList<MetadataEntry>
{
    public static readonly Metadata Empty = new(readOnly: true);

    private readonly List<MetadataEntry> _entries = [];
    private readonly bool _readOnly;

    public Metadata() { }

    private Metadata(bool readOnly) => _readOnly = readOnly;

    public int Count => _entries.Count;

    public MetadataEntry this[int index] => _entries[index];

    public Metadata Add(string key, string value) => Add(new MetadataEntry(key, value));

    public Metadata Add(string key, byte[] value) => Add(new MetadataEntry(key, value));

    public Metadata Add(MetadataEntry entry)
    {
        if (_readOnly)
        {
            throw new InvalidOperationException("Metadata.Empty is read-only: create a new Metadata.");
        }

        _entries.Add(entry);
        return this;
    }

    /// <summary>The last entry with this key, or null.</summary>
    public MetadataEntry? Get(string key)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return _entries[i];
            }
        }

        return null;
    }

    public string? GetValue(string key) => Get(key)?.Value;

    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    public IEnumerable<MetadataEntry> GetAll(string key)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                yield return entry;
            }
        }
    }

    public bool Remove(MetadataEntry entry) => _entries.Remove(entry);

    public List<MetadataEntry>.Enumerator GetEnumerator() => _entries.GetEnumerator();

    IEnumerator<MetadataEntry> IEnumerable<MetadataEntry>.GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();
}
