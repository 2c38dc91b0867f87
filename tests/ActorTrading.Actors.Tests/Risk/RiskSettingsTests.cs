using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Risk;

public class RiskSettingsTests
{
    [Fact]
    public void Default_MatchesApiComments()
    {
        var d = RiskSettings.Default;
        Assert.Equal((1m, 2.5m, 3m, 3, 5, 100, 10m, 5m, true), (d.RiskPerTradePercent, d.MinRewardRisk, d.MaxDailyLossPercent,
            d.MaxOpenPositions, d.MaxTradesPerDay, d.MaxOrdersPerDay, d.MaxPositionPercent, d.PriceBandPercent, d.EnforceMarketHours));
        Assert.Equal(0m, d.MaxOrderNotional);
    }

    [Fact]
    public void FromProto_UnsetFieldsKeepDefaults_SetFieldsApply()
    {
        var p = new RiskLimits { MaxOpenPositions = 7, MinRewardRisk = ProtoDecimal.ToProto(3m), EnforceMarketHours = true };
        p.MaxSectorPercent["IT"] = ProtoDecimal.ToProto(20m);
        var s = RiskSettings.FromProto(p);
        Assert.Equal(7, s.MaxOpenPositions);
        Assert.Equal(3m, s.MinRewardRisk);
        Assert.Equal(1m, s.RiskPerTradePercent);
        Assert.Equal(20m, s.MaxSectorPercent["IT"]);
    }

    [Fact]
    public void ToProto_RoundTrips()
    {
        var s = new RiskSettings { MaxOrderNotional = 250_000m, EnforceMarketHours = false };
        var back = RiskSettings.FromProto(s.ToProto());
        Assert.Equal(250_000m, back.MaxOrderNotional);
        Assert.False(back.EnforceMarketHours);
    }

    [Theory]
    [InlineData("risk", "risk_per_trade_percent: must not be negative (got -1)")]
    [InlineData("loss", "max_daily_loss_percent: must be at most 100 (got 150)")]
    [InlineData("positions", "max_open_positions: must not be negative")]
    [InlineData("sector", "max_sector_percent[IT]: must be at most 100 (got 101)")]
    public void TryFromProto_InvalidValues_NameTheField(string what, string expected)
    {
        var p = new RiskLimits();
        switch (what)
        {
            case "risk": p.RiskPerTradePercent = ProtoDecimal.ToProto(-1); break;
            case "loss": p.MaxDailyLossPercent = ProtoDecimal.ToProto(150); break;
            case "positions": p.MaxOpenPositions = -2; break;
            case "sector": p.MaxSectorPercent["IT"] = ProtoDecimal.ToProto(101); break;
        }
        Assert.Equal(expected, RiskSettings.TryFromProto(p, null, out var s));
        Assert.Null(s);
    }

    [Fact]
    public void TryFromProto_Valid_AppliesOverBaseline()
    {
        var baseline = new RiskSettings { MaxTradesPerDay = 9 };
        Assert.Null(RiskSettings.TryFromProto(new RiskLimits { MaxOpenPositions = 4, EnforceMarketHours = true }, baseline, out var s));
        Assert.Equal((4, 9), (s!.MaxOpenPositions, s.MaxTradesPerDay));
    }
}
