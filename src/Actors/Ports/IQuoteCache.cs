using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Ports;

/// <summary>The last quote per symbol, shared by all nodes. A cache: a miss is always a valid answer.</summary>
public interface IQuoteCache
{
    /// <summary>Stores the tick unless a newer one (higher <see cref="Tick.Sequence"/>) is stored.</summary>
    ValueTask SetAsync(Tick tick, CancellationToken cancellationToken = default);

    /// <summary>The last tick of <paramref name="symbol"/>, or null (unknown symbol, or the cache is degraded).</summary>
    ValueTask<Tick?> GetAsync(string symbol, CancellationToken cancellationToken = default);
}
