using ProtoDecimalMessage = ActorTrading.Api.V1.Decimal;

namespace ActorTrading.Actors.Model;

/// <summary>
/// Exact conversion between <see cref="decimal"/> and the API's <c>Decimal {units, nanos}</c>
/// (value = units + nanos / 10^9, units and nanos carry the same sign, |nanos| &lt; 10^9).
/// A decimal with more than 9 fractional digits, or one whose units do not fit in int64, cannot be
/// represented exactly and is refused with a clear error rather than rounded.
/// </summary>
public static class ProtoDecimal
{
    private const decimal NanosPerUnit = 1_000_000_000m;

    public static ProtoDecimalMessage ToProto(decimal value)
    {
        var error = TryToProto(value, out var result);
        if (error is not null) ThrowHelper.Overflow(error);
        return result!;
    }

    /// <summary>
    /// For computed values (average prices, P&amp;L) that may carry more than 9 fractional digits:
    /// rounds half-to-even to nanos, then converts exactly.
    /// </summary>
    public static ProtoDecimalMessage ToProtoRounded(decimal value) =>
        ToProto(decimal.Round(value, 9, MidpointRounding.ToEven));

    /// <summary>Null on success; otherwise the reason the value cannot be represented.</summary>
    public static string? TryToProto(decimal value, out ProtoDecimalMessage? result)
    {
        result = null;
        var units = decimal.Truncate(value);
        if (units > long.MaxValue || units < long.MinValue)
            return $"value {value} does not fit in Decimal.units (int64)";
        var nanos = (value - units) * NanosPerUnit;
        if (nanos != decimal.Truncate(nanos))
            return $"value {value} has more than 9 fractional digits and cannot be represented exactly";
        result = new ProtoDecimalMessage { Units = (long)units, Nanos = (int)nanos };
        return null;
    }

    public static decimal FromProto(ProtoDecimalMessage? value)
    {
        var error = TryFromProto(value, out var result);
        if (error is not null) ThrowHelper.Format(error);
        return result;
    }

    /// <summary>An absent message (an unset optional price) stays absent.</summary>
    public static decimal? FromProtoOrNull(ProtoDecimalMessage? value) => value is null ? null : FromProto(value);

    /// <summary>Null on success; a null message is zero. Refuses |nanos| >= 10^9 and mixed signs.</summary>
    public static string? TryFromProto(ProtoDecimalMessage? value, out decimal result)
    {
        result = 0m;
        if (value is null) return null;
        if (value.Nanos <= -1_000_000_000 || value.Nanos >= 1_000_000_000)
            return $"Decimal.nanos {value.Nanos} is out of range (|nanos| must be < 10^9)";
        if ((value.Units > 0 && value.Nanos < 0) || (value.Units < 0 && value.Nanos > 0))
            return $"Decimal units {value.Units} and nanos {value.Nanos} must carry the same sign";
        result = value.Units + value.Nanos / NanosPerUnit;
        return null;
    }
}
