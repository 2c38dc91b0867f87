using System.Globalization;

namespace ActorTrading.Grpc;

/// <summary>The grpc-timeout header: at most 8 digits and a unit (H M S m u n).</summary>
public static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is null || value.Length < 2 || value.Length > 9 ||
            !long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        long ticks;
        switch (value[^1])
        {
            case 'H': ticks = n * TimeSpan.TicksPerHour; break;
            case 'M': ticks = n * TimeSpan.TicksPerMinute; break;
            case 'S': ticks = n * TimeSpan.TicksPerSecond; break;
            case 'm': ticks = n * TimeSpan.TicksPerMillisecond; break;
            case 'u': ticks = n * 10; break;
            case 'n': ticks = n / 100; break;
            default: return false;
        }

        timeout = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>Formats with the finest unit that fits in 8 digits (rounding up, so a deadline is never shortened).</summary>
    public static string Format(TimeSpan timeout)
    {
        var ticks = Math.Max(0, timeout.Ticks);
        var nanos = ticks * 100;
        if (nanos <= MaxValue) return Invariant(nanos, 'n');
        var micros = CeilDiv(ticks, 10);
        if (micros <= MaxValue) return Invariant(micros, 'u');
        var millis = CeilDiv(ticks, TimeSpan.TicksPerMillisecond);
        if (millis <= MaxValue) return Invariant(millis, 'm');
        var seconds = CeilDiv(ticks, TimeSpan.TicksPerSecond);
        if (seconds <= MaxValue) return Invariant(seconds, 'S');
        var minutes = CeilDiv(ticks, TimeSpan.TicksPerMinute);
        if (minutes <= MaxValue) return Invariant(minutes, 'M');
        return Invariant(Math.Min(MaxValue, CeilDiv(ticks, TimeSpan.TicksPerHour)), 'H');
    }

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;

    private static string Invariant(long value, char unit) => value.ToString(CultureInfo.InvariantCulture) + unit;
}
