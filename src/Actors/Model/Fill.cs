using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Model;

/// <summary>One execution: <see cref="Quantity"/> at <see cref="Price"/>, with the fees it cost.</summary>
public sealed record Fill(
    string TradeId,
    OrderId OrderId,
    SymbolId Symbol,
    Side Side,
    Product Product,
    decimal Quantity,
    decimal Price,
    decimal Fees,
    DateTimeOffset Time)
{
    /// <summary>+quantity for BUY, -quantity for SELL.</summary>
    public decimal SignedQuantity => Side == Side.Buy ? Quantity : -Quantity;
}
