using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>Close <see cref="Quantity"/> of the position <see cref="Key"/> with a market order on <see cref="Side"/>.</summary>
public sealed record ExitIntent(PositionKey Key, Side Side, decimal Quantity, ExitReason Reason, decimal Price, decimal Level)
{
    public OrderIntent ToOrderIntent() => new()
    {
        Symbol = Key.Symbol, Side = Side, Quantity = Quantity, Product = Key.Product, Type = OrderType.Market,
        Reason = $"{Reason} at {Price} (level {Level})",
    };
}
