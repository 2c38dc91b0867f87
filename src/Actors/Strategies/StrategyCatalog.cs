using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Strategies;

/// <summary>The strategy types a node offers, by name. <see cref="Default"/> holds the built-ins.</summary>
public sealed class StrategyCatalog
{
    private readonly Dictionary<string, StrategyDescriptor> _byName = new(StringComparer.Ordinal);

    public StrategyCatalog(IEnumerable<StrategyDescriptor> descriptors)
    {
        foreach (var d in descriptors)
            if (!_byName.TryAdd(d.Name, d)) throw new ArgumentException($"strategy {d.Name} is registered twice", nameof(descriptors));
    }

    public static StrategyCatalog Default { get; } = new(
    [
        EmaCrossoverStrategy.Descriptor,
        MomentumBreakoutStrategy.Descriptor,
        VolumeProfileScalperStrategy.Descriptor,
        VolatilityExplosionStrategy.Descriptor,
        ConfluenceAmplifierStrategy.Descriptor,
        OptimizedVolumeScalperStrategy.Descriptor,
        MeanReversionStrategy.Descriptor,
        SignalFollowerStrategy.Descriptor,
    ]);

    public IEnumerable<StrategyDescriptor> All => _byName.Values.OrderBy(d => d.Name, StringComparer.Ordinal);

    public bool TryGet(string name, out StrategyDescriptor descriptor) => _byName.TryGetValue(name, out descriptor!);

    /// <summary>Creates an instance, or returns null with every error (unknown type, bad parameters).</summary>
    public IStrategy? TryCreate(string type, IReadOnlyDictionary<string, string>? parameters, out StrategyParameters? effective, out IReadOnlyList<string> errors)
    {
        effective = null;
        if (!_byName.TryGetValue(type, out var d))
        {
            errors = [$"unknown strategy type '{type}' (known: {string.Join(", ", _byName.Keys.Order(StringComparer.Ordinal))})"];
            return null;
        }
        effective = d.Validate(parameters, out errors);
        return effective is null ? null : d.Create(effective);
    }

    public ListStrategyTypesResponse ToProto()
    {
        var r = new ListStrategyTypesResponse();
        r.Types_.AddRange(All.Select(d => d.ToProto()));
        return r;
    }
}
