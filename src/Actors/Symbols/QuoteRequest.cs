using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Symbols;

/// <summary>Local actors → symbol: the last tick, answered with <see cref="QuoteReply"/> (Last null when none yet).</summary>
public sealed record QuoteRequest(SymbolId Symbol);

/// <summary>Symbol → asker: the last tick of <see cref="Symbol"/>, or null.</summary>
public sealed record QuoteReply(SymbolId Symbol, MarketTick? Last);
