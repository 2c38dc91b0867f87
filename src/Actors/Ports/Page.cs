namespace ActorTrading.Actors.Ports;

/// <summary>A page of a listing; <see cref="NextPageToken"/> is empty on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string NextPageToken);

/// <summary>Which page: size (clamped to 1..1000, default 100) and the token of the previous page.</summary>
public readonly record struct PageRequest(int PageSize = 100, string PageToken = "")
{
    public int Size => PageSize <= 0 ? 100 : Math.Min(PageSize, 1000);

    /// <summary>The token as a number (the listing's sort key), or null on the first page.</summary>
    /// <exception cref="ArgumentException">the token is malformed.</exception>
    public long? TokenAsLong()
    {
        if (string.IsNullOrEmpty(PageToken)) return null;
        return long.TryParse(PageToken, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v : throw new ArgumentException($"page_token '{PageToken}' is not valid", nameof(PageToken));
    }
}
