using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Brokers;

/// <summary>What the paper exchange refuses at the door, with the message a broker would give.</summary>
public sealed partial class PaperBroker
{
    private string? Validate(BrokerOrder order)
    {
        if (!_instruments.TryGet(order.Symbol, out var spec)) return $"unknown symbol {order.Symbol}";
        if (order.Side is not (Side.Buy or Side.Sell)) return "side must be BUY or SELL";
        if (spec.ValidateQuantity(order.Quantity) is { } q) return q;
        if (order.Type is OrderType.Limit or OrderType.StopLimit && order.LimitPrice is null) return $"limit price required for {order.Type}";
        if (order.Type is OrderType.StopLimit or OrderType.StopMarket && order.StopPrice is null) return $"trigger price required for {order.Type}";
        if (ValidatePrices(order, spec) is { } p) return p;
        return ValidateFunds(order, spec);
    }

    private string? ValidatePrices(BrokerOrder order, InstrumentSpec spec)
    {
        foreach (var (price, name) in new[] { (order.LimitPrice, "price"), (order.StopPrice, "trigger price") })
        {
            if (price is not { } v) continue;
            if (spec.ValidatePrice(v, name) is { } e) return e;
            if (_ticks.TryGetValue(order.Symbol, out var t) && t.Last > 0 && Math.Abs(v - t.Last) / t.Last * 100m > _options.PriceBandPercent)
                return $"{name} {v} is outside the price band of ±{_options.PriceBandPercent}% around {t.Last}";
        }
        return null;
    }

    private string? ValidateFunds(BrokerOrder order, InstrumentSpec spec)
    {
        var held = _positions.TryGet(order.Symbol, order.Product, out var p) ? p.Quantity : 0;
        var pendingSameSide = _exposure.Pending(order.Symbol, order.Product, order.Side);
        var reducing = order.Side == Side.Sell ? Math.Max(0, held - pendingSameSide) : Math.Max(0, -held - pendingSameSide);
        var opening = Math.Max(0, order.Quantity - reducing);
        if (opening == 0) return null;
        if (order.Side == Side.Sell && order.Product == Product.Cnc)
            return $"insufficient holdings: selling {order.Quantity} {order.Symbol} (CNC) with {Math.Max(0, held - pendingSameSide)} available";
        var price = ReferencePrice(order, spec);
        var margin = _options.MarginPercent / 100m;
        var needed = opening * price * margin + PaperMatcher.Fee(_options, order.Quantity, price);
        var available = _cash - Blocked();
        return needed <= available ? null : $"insufficient funds: required {needed}, available {available}";
    }

    /// <summary>
    /// Cash blocked by active orders that open exposure: remaining × reference price × margin, summed per
    /// symbol/product/side group (an order reduces when the position is on the other side, the same for its whole group).
    /// </summary>
    private decimal Blocked()
    {
        var margin = _options.MarginPercent / 100m;
        decimal blocked = 0;
        foreach (var ((symbol, product, side), g) in _exposure.Groups)
        {
            var held = _positions.TryGet(symbol, product, out var p) ? p.Quantity : 0;
            var reduces = side == Side.Buy ? held < 0 : held > 0;
            if (reduces) continue;
            var notional = g.PricedNotional;
            if (g.UnpricedRemaining != 0)
            {
                _instruments.TryGet(symbol, out var spec);
                notional += g.UnpricedRemaining * TouchPrice(symbol, side, spec!);
            }
            blocked += notional * margin;
        }
        return blocked;
    }

    private decimal ReferencePrice(BrokerOrder order, InstrumentSpec spec)
    {
        if (order.LimitPrice is { } l) return l;
        if (order.StopPrice is { } s) return s;
        return TouchPrice(order.Symbol, order.Side, spec);
    }

    /// <summary>The price of an order without its own price: the touch on its side, else the last, else the catalog's.</summary>
    private decimal TouchPrice(SymbolId symbol, Side side, InstrumentSpec spec)
    {
        if (_ticks.TryGetValue(symbol, out var t))
        {
            var touch = side == Side.Buy ? t.Ask : t.Bid;
            if (touch > 0) return touch;
            if (t.Last > 0) return t.Last;
        }
        return spec.ReferencePrice;
    }
}
