using ActorTrading.Actors.Risk;

namespace ActorTrading.Actors.Strategies;

/// <summary>The exchange-local trading date of a time (Asia/Kolkata): the key that resets session indicators such as VWAP.</summary>
public static class SessionDate
{
    public static DateOnly Of(DateTimeOffset time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, IndiaTime.Zone).DateTime);
}
