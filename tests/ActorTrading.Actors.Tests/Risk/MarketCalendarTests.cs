using ActorTrading.Actors.Risk;

namespace ActorTrading.Actors.Tests.Risk;

public class MarketCalendarTests
{
    private static DateTimeOffset Ist(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.FromMinutes(330));

    [Fact]
    public void IndiaTime_ResolvesAsiaKolkataAtPlusFiveThirty()
    {
        Assert.Equal(TimeSpan.FromMinutes(330), IndiaTime.Zone.GetUtcOffset(new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromMinutes(330), IndiaTime.Zone.GetUtcOffset(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void IndiaTime_WithTzdataInstalled_UsesSystemZoneDespiteInvariantGlobalization()
    {
        var tzdata = File.Exists("/usr/share/zoneinfo/Asia/Kolkata");
        Assert.Equal(tzdata || !OperatingSystem.IsLinux(), IndiaTime.IsSystemZone || !OperatingSystem.IsLinux());
        Assert.Equal("Asia/Kolkata", IndiaTime.Zone.Id);
    }

    [Theory]
    [InlineData(9, 14, false)]
    [InlineData(9, 15, true)]
    [InlineData(15, 29, true)]
    [InlineData(15, 30, false)]
    public void IsOpen_NseSessionBoundaries(int h, int m, bool open) =>
        Assert.Equal(open, MarketCalendar.Nse().IsOpen(Ist(2026, 1, 5, h, m)));

    [Fact]
    public void IsOpen_WeekendAndHoliday_AreClosed()
    {
        var cal = MarketCalendar.Nse([new DateOnly(2026, 1, 26)]);
        Assert.False(cal.IsOpen(Ist(2026, 1, 3, 11, 0)));
        Assert.False(cal.IsOpen(Ist(2026, 1, 26, 11, 0)));
        Assert.Contains("holiday", cal.DescribeClosed(Ist(2026, 1, 26, 11, 0)));
        Assert.Contains("weekend", cal.DescribeClosed(Ist(2026, 1, 4, 11, 0)));
    }

    [Fact]
    public void IsSquareOffDue_From1515Ist()
    {
        var cal = MarketCalendar.Nse();
        Assert.False(cal.IsSquareOffDue(Ist(2026, 1, 5, 15, 14)));
        Assert.True(cal.IsSquareOffDue(Ist(2026, 1, 5, 15, 15)));
        Assert.False(cal.IsSquareOffDue(Ist(2026, 1, 4, 15, 20)));
    }
}
