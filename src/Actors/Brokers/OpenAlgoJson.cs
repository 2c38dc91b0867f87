using System.Globalization;
using System.Text.Json;

namespace ActorTrading.Actors.Brokers;

/// <summary>Lenient readers for OpenAlgo responses, where numbers may arrive as JSON numbers or as strings ("1", "2900.05", "").</summary>
internal static class OpenAlgoJson
{
    public static decimal Decimal(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return 0;
        return v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDecimal(),
            JsonValueKind.String when string.IsNullOrWhiteSpace(v.GetString()) => 0,
            JsonValueKind.String => decimal.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? d : throw new FormatException($"field '{name}' is not a number: '{v.GetString()}'"),
            JsonValueKind.Null => 0,
            _ => throw new FormatException($"field '{name}' is not a number ({v.ValueKind})"),
        };
    }

    public static decimal? OptionalDecimal(JsonElement e, string name) => e.TryGetProperty(name, out _) ? Decimal(e, name) : null;

    public static string String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() ?? "",
            JsonValueKind.Number => v.GetRawText(),
            _ => "",
        } : "";

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
