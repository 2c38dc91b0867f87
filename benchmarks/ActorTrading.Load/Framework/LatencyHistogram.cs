namespace ActorTrading.Load;

/// <summary>
/// A log-linear latency histogram (HdrHistogram is not in the registry): values in nanoseconds,
/// 64 sub-buckets per power of two, so any recorded value is reported within 1/64 (≈1.6%).
/// Record is allocation-free; not thread-safe (one per recording thread, then <see cref="Add"/>).
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBits = 6;
    private const int SubCount = 1 << SubBits;
    private readonly long[] _counts = new long[(64 - SubBits + 1) * SubCount];

    public long Count { get; private set; }
    public long MaxNanos { get; private set; }

    public void Record(long nanos)
    {
        if (nanos < 0) nanos = 0;
        _counts[Index(nanos)]++;
        Count++;
        if (nanos > MaxNanos) MaxNanos = nanos;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++) _counts[i] += other._counts[i];
        Count += other.Count;
        MaxNanos = Math.Max(MaxNanos, other.MaxNanos);
    }

    /// <summary>The value at percentile <paramref name="p"/> (0–100), in microseconds.</summary>
    public double PercentileMicros(double p)
    {
        if (Count == 0) return 0;
        var rank = (long)Math.Ceiling(Math.Clamp(p, 0, 100) / 100.0 * Count);
        if (rank < 1) rank = 1;
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank) return Math.Min(UpperBound(i), MaxNanos) / 1000.0;
        }
        return MaxNanos / 1000.0;
    }

    private static int Index(long v)
    {
        if (v < SubCount) return (int)v;
        var msb = 63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)v);
        var shift = msb - SubBits;
        var sub = (int)(v >> shift) & (SubCount - 1);
        return (shift + 1) * SubCount + sub;
    }

    private static long UpperBound(int index)
    {
        if (index < SubCount) return index;
        var shift = index / SubCount - 1;
        var sub = index % SubCount;
        return ((long)(SubCount + sub + 1) << shift) - 1;
    }
}
