using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Strategies;

/// <summary>
/// A strategy type in the catalog: its name, description, parameter schema, an optional cross-parameter check
/// (e.g. fast period &lt; slow period) and the factory creating an instance from validated parameters.
/// </summary>
public sealed class StrategyDescriptor(
    string name, string description, IReadOnlyList<ParameterSpec> parameters,
    Func<StrategyParameters, IStrategy> factory, Func<StrategyParameters, string?>? crossCheck = null)
{
    public string Name { get; } = name;
    public string Description { get; } = description;
    public IReadOnlyList<ParameterSpec> Parameters { get; } = parameters;

    /// <summary>Validates the given parameters (unknown names, types, ranges, cross-checks), filling in defaults. Collects every error.</summary>
    public StrategyParameters? Validate(IReadOnlyDictionary<string, string>? given, out IReadOnlyList<string> errors)
    {
        var list = new List<string>();
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        given ??= new Dictionary<string, string>();
        foreach (var key in given.Keys)
            if (!Parameters.Any(p => p.Name == key))
                list.Add($"unknown parameter '{key}' for strategy {Name} (known: {string.Join(", ", Parameters.Select(p => p.Name))})");
        foreach (var p in Parameters)
        {
            var raw = given.TryGetValue(p.Name, out var g) ? g.Trim() : p.Default;
            if (p.TryParse(raw, out var value) is { } error) { list.Add(error); continue; }
            values[p.Name] = value;
            text[p.Name] = raw;
        }
        StrategyParameters? result = null;
        if (list.Count == 0)
        {
            result = new StrategyParameters(values, text);
            if (crossCheck?.Invoke(result) is { } cross) { list.Add(cross); result = null; }
        }
        errors = list;
        return result;
    }

    public IStrategy Create(StrategyParameters parameters) => factory(parameters);

    public StrategyType ToProto()
    {
        var t = new StrategyType { Name = Name, Description = Description };
        t.Parameters.AddRange(Parameters.Select(p => p.ToProto()));
        return t;
    }
}
