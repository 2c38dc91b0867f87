using System.Collections.Concurrent;
using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.InMemory;

/// <summary>Last tick per symbol in this process.</summary>
public sealed class InMemoryQuoteCache : IQuoteCache
{
    private readonly ConcurrentDictionary<string, Tick> _last = new(StringComparer.Ordinal);

    public ValueTask SetAsync(Tick tick, CancellationToken cancellationToken = default)
    {
        QuoteArguments.Validate(tick);
        var copy = tick.Clone();
        _last.AddOrUpdate(tick.Symbol, copy, (_, old) => old.Sequence > copy.Sequence ? old : copy);
        return ValueTask.CompletedTask;
    }

    public ValueTask<Tick?> GetAsync(string symbol, CancellationToken cancellationToken = default) =>
        new(_last.TryGetValue(symbol, out var t) ? t.Clone() : null);
}
