namespace ActorTrading.Actors.Strategies;

/// <summary>Validated, typed parameter values of one strategy instance (defaults filled in).</summary>
public sealed class StrategyParameters
{
    private readonly IReadOnlyDictionary<string, object> _values;

    internal StrategyParameters(IReadOnlyDictionary<string, object> values, IReadOnlyDictionary<string, string> text)
    {
        _values = values;
        AsText = text;
    }

    /// <summary>The effective values as text (what StrategyInstance.parameters reports).</summary>
    public IReadOnlyDictionary<string, string> AsText { get; }

    public int Int(string name) => Get<int>(name);
    public decimal Decimal(string name) => Get<decimal>(name);
    public bool Bool(string name) => Get<bool>(name);
    public string String(string name) => Get<string>(name);

    private T Get<T>(string name) => _values.TryGetValue(name, out var v) && v is T t
        ? t
        : throw new KeyNotFoundException($"strategy parameter '{name}' of type {typeof(T).Name} is not declared");
}
