using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Model;

/// <summary>Positions net per symbol and product (MIS and CNC of the same symbol are separate positions).</summary>
public readonly record struct PositionKey(SymbolId Symbol, Product Product);
