using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// Gross exposure to one sector (|positions| at last price + pending opening orders + this order) must stay within
/// the sector's percent of equity, when a limit is configured for that sector.
/// </summary>
public static class SectorExposureRule
{
    public static RiskDenial? Check(RiskCheck c)
    {
        var sector = c.Instrument.Sector;
        if (c.Reduces || !c.Limits.MaxSectorPercent.TryGetValue(sector, out var percent)) return null;
        var s = c.Snapshot;
        var exposure = c.Notional;
        foreach (var p in s.Positions) if (SectorOf(s, p.Symbol) == sector) exposure += p.Notional;
        foreach (var p in c.Pending) if (p.Opening && SectorOf(s, p.Symbol) == sector) exposure += p.Notional;
        var limit = s.Equity * percent / 100m;
        if (exposure <= limit) return null;
        return new(DenialReason.SectorExposure,
            $"sector {sector} exposure {exposure} would exceed {percent}% of equity {s.Equity} = {limit}");
    }

    private static string? SectorOf(RiskSnapshot s, Model.SymbolId symbol) =>
        s.Instruments.TryGet(symbol, out var spec) ? spec.Sector : null;
}
