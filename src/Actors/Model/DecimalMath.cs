namespace ActorTrading.Actors.Model;

/// <summary>Decimal helpers: tick/lot rounding and a square root (Newton) for indicators and statistics.</summary>
public static class DecimalMath
{
    /// <summary>True when <paramref name="value"/> is an exact multiple of <paramref name="step"/> (step > 0).</summary>
    public static bool IsMultipleOf(decimal value, decimal step) => step > 0 && value % step == 0m;

    /// <summary>Largest multiple of step that is &lt;= value (toward negative infinity).</summary>
    public static decimal FloorTo(decimal value, decimal step)
    {
        if (step <= 0) ThrowHelper.Argument(nameof(step), $"step must be positive (got {step})");
        return Math.Floor(value / step) * step;
    }

    /// <summary>Nearest multiple of step, midpoints away from zero.</summary>
    public static decimal RoundTo(decimal value, decimal step)
    {
        if (step <= 0) ThrowHelper.Argument(nameof(step), $"step must be positive (got {step})");
        return Math.Round(value / step, MidpointRounding.AwayFromZero) * step;
    }

    /// <summary>Square root by Newton's method, to decimal precision. Throws on negative input.</summary>
    public static decimal Sqrt(decimal value)
    {
        if (value < 0) ThrowHelper.Argument(nameof(value), $"cannot take the square root of {value}");
        if (value == 0) return 0;
        var x = (decimal)Math.Sqrt((double)value);
        if (x == 0) x = value;
        for (var i = 0; i < 3; i++) // the double guess has ~16 digits; each Newton step doubles them
        {
            var next = (x + value / x) / 2m;
            if (next == x) break;
            x = next;
        }
        return x;
    }
}
