namespace ActorTrading.Actors.Risk;

/// <summary>
/// Asia/Kolkata. With InvariantGlobalization on Linux the zone still resolves from tzdata; if the system
/// has no tzdata we fall back to a fixed +05:30 zone (India has no daylight saving, so this is exact).
/// </summary>
public static class IndiaTime
{
    public const string ZoneId = "Asia/Kolkata";

    public static TimeZoneInfo Zone { get; } = Resolve();

    /// <summary>True when the zone came from the system database rather than the fixed fallback.</summary>
    public static bool IsSystemZone { get; private set; }

    private static TimeZoneInfo Resolve()
    {
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
            IsSystemZone = true;
            return zone;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(ZoneId, TimeSpan.FromMinutes(330), "India Standard Time", "IST");
        }
    }
}
