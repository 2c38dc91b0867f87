using System.Collections.Frozen;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// Trading sessions of one exchange in its local time zone: weekdays between <see cref="Open"/> (inclusive)
/// and <see cref="Close"/> (exclusive), except holidays. <see cref="Nse"/> is 09:15–15:30 Asia/Kolkata with
/// MIS auto square-off at 15:15.
/// </summary>
public sealed class MarketCalendar
{
    private readonly FrozenSet<DateOnly> _holidays;

    public MarketCalendar(string name, TimeZoneInfo zone, TimeOnly open, TimeOnly close, TimeOnly squareOff, IEnumerable<DateOnly>? holidays = null)
    {
        if (close <= open) throw new ArgumentException($"close {close} must be after open {open}", nameof(close));
        Name = name;
        Zone = zone;
        Open = open;
        Close = close;
        SquareOff = squareOff;
        _holidays = (holidays ?? []).ToFrozenSet();
    }

    public static MarketCalendar Nse(IEnumerable<DateOnly>? holidays = null) =>
        new("NSE", IndiaTime.Zone, new TimeOnly(9, 15), new TimeOnly(15, 30), new TimeOnly(15, 15), holidays);

    public string Name { get; }
    public TimeZoneInfo Zone { get; }
    public TimeOnly Open { get; }
    public TimeOnly Close { get; }
    public TimeOnly SquareOff { get; }

    public DateTime LocalTime(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone).DateTime;

    public bool IsHoliday(DateOnly date) => _holidays.Contains(date);

    public bool IsTradingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    public bool IsOpen(DateTimeOffset time)
    {
        var local = LocalTime(time);
        var t = TimeOnly.FromDateTime(local);
        return IsTradingDay(DateOnly.FromDateTime(local)) && t >= Open && t < Close;
    }

    /// <summary>True on a trading day from the square-off time until the close: intraday (MIS) positions must be flattened.</summary>
    public bool IsSquareOffDue(DateTimeOffset time)
    {
        var local = LocalTime(time);
        var t = TimeOnly.FromDateTime(local);
        return IsTradingDay(DateOnly.FromDateTime(local)) && t >= SquareOff;
    }

    /// <summary>The instant the session of <paramref name="time"/>'s local date opens (whether or not that date trades).</summary>
    public DateTimeOffset SessionOpen(DateTimeOffset time)
    {
        var local = LocalTime(time);
        var open = DateTime.SpecifyKind(local.Date + Open.ToTimeSpan(), DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(open, Zone), TimeSpan.Zero);
    }

    /// <summary>Why the market is closed at <paramref name="time"/>, for denial messages; null when open.</summary>
    public string? DescribeClosed(DateTimeOffset time)
    {
        if (IsOpen(time)) return null;
        var local = LocalTime(time);
        var date = DateOnly.FromDateTime(local);
        var why = _holidays.Contains(date) ? "a holiday" : !IsTradingDay(date) ? "a weekend" : "outside trading hours";
        return $"{Name} is closed at {local:yyyy-MM-dd HH:mm} {Zone.Id} ({why}; session {Open:HH\\:mm}-{Close:HH\\:mm})";
    }
}
