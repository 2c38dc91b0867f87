using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Feeds;

/// <summary>A symbol whose feed went quiet: no tick since <see cref="LastTick"/> (null = none at all), silent for <see cref="Silence"/>.</summary>
public sealed record DataStall(SymbolId Symbol, DateTimeOffset? LastTick, TimeSpan Silence);
