using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace ActorTrading.Host.Metrics;

/// <summary>The aggregated values of one instrument, per label set, and their Prometheus rendering.</summary>
internal sealed class InstrumentSeries
{
    /// <summary>Histogram bounds: seconds from 10 µs to 10 s, or plain values for unitless histograms.</summary>
    private static readonly double[] SecondsBounds = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly double[] PlainBounds = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Point> _points = new(StringComparer.Ordinal);
    /// <summary>The same points by raw tags: the hot path skips building the label string.</summary>
    private readonly Dictionary<TagSet, Point> _byTags = new();
    private readonly Kind _kind;
    private readonly double[] _bounds;
    private readonly string _help;

    public InstrumentSeries(Instrument instrument)
    {
        var type = instrument.GetType();
        var generic = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        _kind = generic.Name switch
        {
            "Counter`1" => Kind.Counter,
            "ObservableCounter`1" => Kind.ObservedCounter,
            "UpDownCounter`1" => Kind.UpDown,
            "Histogram`1" => Kind.Histogram,
            _ => Kind.Gauge,
        };
        var name = Sanitize(instrument.Name);
        if (instrument.Unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal)) name += "_seconds";
        if (_kind is Kind.Counter or Kind.ObservedCounter && !name.EndsWith("_total", StringComparison.Ordinal)) name += "_total";
        Name = name;
        _bounds = instrument.Unit == "s" ? SecondsBounds : PlainBounds;
        _help = (instrument.Description ?? instrument.Name).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
    }

    private enum Kind { Counter, ObservedCounter, UpDown, Gauge, Histogram }

    public string Name { get; }

    private bool IsObservable => _kind is Kind.ObservedCounter || (_kind == Kind.Gauge);

    public void BeginObservation()
    {
        if (!IsObservable) return;
        lock (_lock)
        {
            _points.Clear();
            _byTags.Clear();
        }
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var fast = TagSet.TryCreate(tags, out var set);
        lock (_lock)
        {
            if (!fast || !_byTags.TryGetValue(set, out var p))
            {
                var labels = Labels(tags);
                if (!_points.TryGetValue(labels, out p)) _points[labels] = p = new Point(_kind == Kind.Histogram ? _bounds.Length + 1 : 0);
                if (fast) _byTags[set] = p;
            }
            switch (_kind)
            {
                case Kind.Counter or Kind.UpDown: p.Value += value; break;
                case Kind.Histogram:
                    p.Value += value; p.Count++;
                    var i = Array.BinarySearch(_bounds, value);
                    p.Buckets[i >= 0 ? i : ~i]++;
                    break;
                default: p.Value = value; break;
            }
        }
    }

    public void Render(StringBuilder text)
    {
        lock (_lock)
        {
            var type = _kind switch { Kind.Counter or Kind.ObservedCounter => "counter", Kind.Histogram => "histogram", _ => "gauge" };
            text.Append("# HELP ").Append(Name).Append(' ').Append(_help).Append('\n');
            text.Append("# TYPE ").Append(Name).Append(' ').Append(type).Append('\n');
            foreach (var (labels, p) in _points.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (_kind != Kind.Histogram) { Line(text, Name, labels, null, p.Value); continue; }
                long cumulative = 0;
                for (var b = 0; b < _bounds.Length; b++)
                {
                    cumulative += p.Buckets[b];
                    Line(text, Name + "_bucket", labels, Format(_bounds[b]), cumulative);
                }
                Line(text, Name + "_bucket", labels, "+Inf", p.Count);
                Line(text, Name + "_sum", labels, null, p.Value);
                Line(text, Name + "_count", labels, null, p.Count);
            }
        }
    }

    private static void Line(StringBuilder text, string name, string labels, string? le, double value)
    {
        text.Append(name);
        if (labels.Length > 0 || le is not null)
        {
            text.Append('{').Append(labels);
            if (le is not null) text.Append(labels.Length > 0 ? "," : "").Append("le=\"").Append(le).Append('"');
            text.Append('}');
        }
        text.Append(' ').Append(Format(value)).Append('\n');
    }

    private static string Format(double v) => double.IsPositiveInfinity(v) ? "+Inf" : v.ToString("R", CultureInfo.InvariantCulture);

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0) return "";
        var parts = new List<string>(tags.Length);
        foreach (var t in tags)
            parts.Add(Sanitize(t.Key) + "=\"" + Convert.ToString(t.Value, CultureInfo.InvariantCulture)?
                .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"");
        parts.Sort(StringComparer.Ordinal);
        return string.Join(',', parts);
    }

    internal static string Sanitize(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (!(char.IsAsciiLetterOrDigit(chars[i]) || chars[i] == '_')) chars[i] = '_';
        return chars.Length > 0 && char.IsAsciiDigit(chars[0]) ? "_" + new string(chars) : new string(chars);
    }

    private sealed class Point(int buckets)
    {
        public double Value;
        public long Count;
        public readonly long[] Buckets = new long[buckets];
    }
}
