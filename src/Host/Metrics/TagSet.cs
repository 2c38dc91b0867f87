namespace ActorTrading.Host.Metrics;

/// <summary>
/// Up to three measurement tags as a dictionary key, so a measurement finds its series point without building the
/// Prometheus label string (sorting, escaping, joining: several allocations) on every call. Order-sensitive: the same
/// tags in another order are another key for the same point.
/// </summary>
internal readonly struct TagSet : IEquatable<TagSet>
{
    public const int MaxTags = 3;

    private readonly int _count;
    private readonly KeyValuePair<string, object?> _a, _b, _c;

    private TagSet(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        _count = tags.Length;
        if (tags.Length > 0) _a = tags[0];
        if (tags.Length > 1) _b = tags[1];
        if (tags.Length > 2) _c = tags[2];
    }

    /// <summary>False for more than <see cref="MaxTags"/> tags (those always take the label-string path).</summary>
    public static bool TryCreate(ReadOnlySpan<KeyValuePair<string, object?>> tags, out TagSet set)
    {
        set = tags.Length <= MaxTags ? new TagSet(tags) : default;
        return tags.Length <= MaxTags;
    }

    public bool Equals(TagSet other) =>
        _count == other._count && Same(_a, other._a) && Same(_b, other._b) && Same(_c, other._c);

    public override bool Equals(object? obj) => obj is TagSet other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_count, Hash(_a), Hash(_b), Hash(_c));

    private static bool Same(KeyValuePair<string, object?> x, KeyValuePair<string, object?> y) =>
        string.Equals(x.Key, y.Key, StringComparison.Ordinal) && Equals(x.Value, y.Value);

    private static int Hash(KeyValuePair<string, object?> t) => HashCode.Combine(t.Key, t.Value);
}
