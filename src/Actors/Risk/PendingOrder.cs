using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// An order that risk approved and that may still fill: either an open order of the account or a
/// reservation risk made itself. <see cref="Opening"/> when it adds exposure (counts as a trade and
/// against position/sector/funds limits).
/// </summary>
public readonly record struct PendingOrder(
    ClientOrderId ClientOrderId, SymbolId Symbol, Product Product, Side Side, decimal Quantity, decimal Price, bool Opening)
{
    public decimal Notional => Quantity * Price;
}
