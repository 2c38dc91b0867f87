using System.Globalization;

namespace ActorTrading.Load;

/// <summary>
/// The <c>--name value</c> and <c>--flag</c> options of one run. Every read is recorded so that
/// an option nobody read (a typo) is reported instead of silently ignored.
/// </summary>
public sealed class ScenarioArgs
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private ScenarioArgs() { }

    /// <summary>Parses options; returns false with an error for anything that is not an option.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out ScenarioArgs parsed, out string error)
    {
        parsed = new ScenarioArgs();
        error = "";
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length == 2)
            {
                error = $"unexpected argument '{a}': options look like --name value";
                return false;
            }
            var name = a[2..];
            string? value = null;
            var eq = name.IndexOf('=');
            if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) value = args[++i];
            parsed._values[name] = value;
        }
        return true;
    }

    public IReadOnlyDictionary<string, string?> Values => _values;

    public IEnumerable<string> Unread => _values.Keys.Where(k => !_read.Contains(k));

    public bool Flag(string name)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var v)) return false;
        return v is null || !v.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    public string Str(string name, string dflt)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var v) && v is not null ? v : dflt;
    }

    public int Int(string name, int dflt) => checked((int)Long(name, dflt));

    public long Long(string name, long dflt)
    {
        var s = Str(name, "");
        if (s.Length == 0) return dflt;
        return long.TryParse(s.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new ArgumentException($"--{name} must be an integer, got '{s}'");
    }
}
