using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// The stop-loss / take-profit / trailing-stop levels protecting one position. For a long position the
/// trailing stop follows the highest price seen minus the distance (never moving down); for a short, the
/// lowest price plus the distance (never moving up). The effective stop is the tighter of the fixed and
/// the trailing stop.
/// </summary>
public sealed class ProtectiveBracket
{
    private decimal _extreme;

    public ProtectiveBracket(PositionKey key, decimal quantity, decimal? stopLoss, decimal? takeProfit, decimal? trailDistance, decimal referencePrice)
    {
        if (quantity == 0) throw new ArgumentException("a bracket protects a non-flat position", nameof(quantity));
        Key = key;
        Quantity = quantity;
        StopLoss = stopLoss;
        TakeProfit = takeProfit;
        TrailDistance = trailDistance;
        _extreme = referencePrice;
    }

    public PositionKey Key { get; }
    /// <summary>Signed position quantity protected (&lt; 0 short).</summary>
    public decimal Quantity { get; internal set; }
    public decimal? StopLoss { get; }
    public decimal? TakeProfit { get; }
    public decimal? TrailDistance { get; }
    public bool IsLong => Quantity > 0;

    public decimal? TrailingStop => TrailDistance is { } d ? (IsLong ? _extreme - d : _extreme + d) : null;

    /// <summary>Updates the trail and returns the exit the price triggers, if any.</summary>
    public ExitIntent? OnPrice(decimal price)
    {
        if (price <= 0) return null;
        if (IsLong ? price > _extreme : price < _extreme) _extreme = price;
        var side = IsLong ? Side.Sell : Side.Buy;
        var qty = Math.Abs(Quantity);
        if (TakeProfit is { } tp && (IsLong ? price >= tp : price <= tp)) return new(Key, side, qty, ExitReason.TakeProfit, price, tp);
        if (StopLoss is { } sl && (IsLong ? price <= sl : price >= sl)) return new(Key, side, qty, ExitReason.StopLoss, price, sl);
        if (TrailingStop is { } ts && (IsLong ? price <= ts : price >= ts)) return new(Key, side, qty, ExitReason.TrailingStop, price, ts);
        return null;
    }
}
