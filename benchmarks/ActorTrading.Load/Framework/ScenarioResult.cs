using System.Text.Json;

namespace ActorTrading.Load;

/// <summary>The named figures of one run, printed as one JSON object on the last line.</summary>
public sealed class ScenarioResult
{
    private readonly List<KeyValuePair<string, object>> _values = new();

    public ScenarioResult Add(string key, object value)
    {
        _values.Add(new(key, value is double d ? Math.Round(d, 3) : value));
        return this;
    }

    public IReadOnlyList<KeyValuePair<string, object>> Values => _values;

    public string ToJson(string scenario, IReadOnlyDictionary<string, string?> options)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("scenario", scenario);
            w.WriteStartObject("options");
            foreach (var (k, v) in options) w.WriteString(k, v ?? "true");
            w.WriteEndObject();
            foreach (var (k, v) in _values)
            {
                w.WritePropertyName(k);
                JsonSerializer.Serialize(w, v, v.GetType());
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
