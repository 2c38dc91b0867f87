using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using Position = ActorTrading.Actors.Model.Position;

namespace ActorTrading.Actors.Risk;

/// <summary>One open position as risk sees it (quantity &lt; 0 is short).</summary>
public readonly record struct PositionExposure(SymbolId Symbol, Product Product, decimal Quantity, decimal Price)
{
    public decimal Notional => Math.Abs(Quantity * Price);

    public static PositionExposure From(Position p) =>
        new(p.Key.Symbol, p.Key.Product, p.Quantity, p.LastPrice > 0 ? p.LastPrice : p.AveragePrice);
}
