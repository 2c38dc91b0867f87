using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Replay;

/// <summary>A round trip: <see cref="Quantity"/> entered on <see cref="Side"/> and closed. P&amp;L is net of both fills' fees.</summary>
public sealed record ClosedTrade(SymbolId Symbol, Side Side, decimal Quantity, decimal EntryPrice, decimal ExitPrice,
    DateTimeOffset EntryTime, DateTimeOffset ExitTime, decimal Fees)
{
    public decimal GrossPnl => (ExitPrice - EntryPrice) * Quantity * (Side == Side.Buy ? 1 : -1);
    public decimal NetPnl => GrossPnl - Fees;
}
