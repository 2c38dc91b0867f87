using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Model;

/// <summary>
/// A netted position (quantity &lt; 0 is short) with average price and P&amp;L.
/// Average price is the weighted entry price of the open quantity; reducing a position realizes
/// (exit − average) × closed quantity (sign-adjusted for shorts); crossing through zero closes the old
/// side and opens the new one at the fill price. Fees are subtracted from realized P&amp;L.
/// Owned by one actor; mutable by design (it is state, not a message).
/// </summary>
public sealed class Position
{
    public Position(PositionKey key) => Key = key;

    public PositionKey Key { get; }
    public decimal Quantity { get; private set; }
    public decimal AveragePrice { get; private set; }
    public decimal LastPrice { get; private set; }
    /// <summary>Realized P&amp;L since the position was created (net of fees).</summary>
    public decimal RealizedPnl { get; private set; }
    public decimal Fees { get; private set; }
    /// <summary>Realized since the last <see cref="StartDay"/>.</summary>
    public decimal DayRealizedPnl { get; private set; }
    /// <summary>Unrealized P&amp;L at the start of the day (overnight carry), so day P&amp;L counts only today's move.</summary>
    public decimal StartOfDayUnrealized { get; private set; }

    public bool IsFlat => Quantity == 0;
    public decimal UnrealizedPnl => Quantity == 0 || LastPrice == 0 ? 0 : (LastPrice - AveragePrice) * Quantity;
    public decimal DayPnl => DayRealizedPnl + UnrealizedPnl - StartOfDayUnrealized;
    public decimal MarketValue => Quantity * (LastPrice == 0 ? AveragePrice : LastPrice);

    /// <summary>Applies a fill; returns the P&amp;L it realized (net of its fees).</summary>
    public decimal Apply(Fill fill)
    {
        if (fill.Symbol != Key.Symbol || fill.Product != Key.Product)
            ThrowHelper.Argument(nameof(fill), $"fill for {fill.Symbol}/{fill.Product} applied to position {Key.Symbol}/{Key.Product}");
        var delta = fill.SignedQuantity;
        var realized = -fill.Fees;
        if (Quantity == 0 || Math.Sign(Quantity) == Math.Sign(delta))
        {
            var newQty = Quantity + delta;
            AveragePrice = (AveragePrice * Math.Abs(Quantity) + fill.Price * Math.Abs(delta)) / Math.Abs(newQty);
            Quantity = newQty;
        }
        else
        {
            var closing = Math.Min(Math.Abs(delta), Math.Abs(Quantity));
            realized += (fill.Price - AveragePrice) * closing * Math.Sign(Quantity);
            var newQty = Quantity + delta;
            if (newQty == 0) AveragePrice = 0;
            else if (Math.Sign(newQty) != Math.Sign(Quantity)) AveragePrice = fill.Price;
            Quantity = newQty;
        }
        if (LastPrice == 0) LastPrice = fill.Price;
        Fees += fill.Fees;
        RealizedPnl += realized;
        DayRealizedPnl += realized;
        return realized;
    }

    /// <summary>Marks to market at <paramref name="price"/> (ignored when not positive).</summary>
    public void Mark(decimal price)
    {
        if (price > 0) LastPrice = price;
    }

    /// <summary>Starts a new trading day: day realized resets; current unrealized becomes the baseline.</summary>
    public void StartDay()
    {
        DayRealizedPnl = 0;
        StartOfDayUnrealized = UnrealizedPnl;
    }
}
