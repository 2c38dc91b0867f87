using System.Globalization;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Strategies;

/// <summary>One declared parameter: name, type, default (as text), description and an optional inclusive range.</summary>
public sealed record ParameterSpec(string Name, ParameterKind Kind, string Default, string Description, decimal? Min = null, decimal? Max = null)
{
    public static ParameterSpec Int(string name, int @default, string description, int? min = null, int? max = null) =>
        new(name, ParameterKind.Int, @default.ToString(CultureInfo.InvariantCulture), description, min, max);

    public static ParameterSpec Decimal(string name, decimal @default, string description, decimal? min = null, decimal? max = null) =>
        new(name, ParameterKind.Decimal, @default.ToString(CultureInfo.InvariantCulture), description, min, max);

    public static ParameterSpec Bool(string name, bool @default, string description) =>
        new(name, ParameterKind.Bool, @default ? "true" : "false", description);

    public string TypeName => Kind.ToString().ToLowerInvariant();

    public StrategyParameter ToProto()
    {
        var range = (Min, Max) switch
        {
            (null, null) => "",
            ({ } lo, null) => $" (>= {lo})",
            (null, { } hi) => $" (<= {hi})",
            ({ } lo, { } hi) => $" ({lo}..{hi})",
        };
        return new StrategyParameter { Name = Name, Type = TypeName, DefaultValue = Default, Description = Description + range };
    }

    /// <summary>Parses and range-checks <paramref name="text"/>; returns null and the parsed value, or an error naming the parameter.</summary>
    public string? TryParse(string text, out object value)
    {
        value = text;
        switch (Kind)
        {
            case ParameterKind.Int:
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
                    return $"parameter '{Name}' must be an integer (got '{text}')";
                value = i;
                return CheckRange(i);
            case ParameterKind.Decimal:
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d))
                    return $"parameter '{Name}' must be a decimal number (got '{text}')";
                value = d;
                return CheckRange(d);
            case ParameterKind.Bool:
                if (!bool.TryParse(text, out var b)) return $"parameter '{Name}' must be true or false (got '{text}')";
                value = b;
                return null;
            default:
                return null;
        }
    }

    private string? CheckRange(decimal v) =>
        Min is { } lo && v < lo ? $"parameter '{Name}' must be >= {lo} (got {v})"
        : Max is { } hi && v > hi ? $"parameter '{Name}' must be <= {hi} (got {v})"
        : null;
}
