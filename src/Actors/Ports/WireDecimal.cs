namespace ActorTrading.Actors.Ports;

/// <summary>
/// Converts between <see cref="decimal"/> and the wire <see cref="Api.V1.Decimal"/> (units + nanos/10^9) for the
/// ports and their stores (rounds to 9 fractional digits; the domain's strict converter lives in Model).
/// </summary>
public static class WireDecimal
{
    private const decimal NanosPerUnit = 1_000_000_000m;

    public static decimal ToDecimal(Api.V1.Decimal? value) =>
        value is null ? 0m : value.Units + value.Nanos / NanosPerUnit;

    public static decimal? ToNullable(Api.V1.Decimal? value) => value is null ? null : ToDecimal(value);

    public static Api.V1.Decimal FromDecimal(decimal value)
    {
        var units = decimal.Truncate(value);
        var nanos = decimal.Round((value - units) * NanosPerUnit, 0, MidpointRounding.ToEven);
        return new Api.V1.Decimal { Units = (long)units, Nanos = (int)nanos };
    }

    public static Api.V1.Decimal? FromNullable(decimal? value) => value is null ? null : FromDecimal(value.Value);
}
