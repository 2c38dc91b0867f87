using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// Watches the brackets of open positions on every price and produces exit intents. One-cancels-other:
/// when any leg fires, the whole bracket is disarmed, so a stop and a target can never both exit.
/// </summary>
public sealed class ExitWatch
{
    private Dictionary<PositionKey, ProtectiveBracket>? _brackets;   // created with the first bracket

    public int Count => _brackets?.Count ?? 0;

    /// <summary>Arms (or replaces) the bracket of a position. No levels at all disarms it.</summary>
    public void Arm(PositionKey key, decimal positionQuantity, decimal? stopLoss, decimal? takeProfit, decimal? trailDistance, decimal referencePrice)
    {
        if (positionQuantity == 0 || (stopLoss is null && takeProfit is null && trailDistance is null)) { _brackets?.Remove(key); return; }
        (_brackets ??= new Dictionary<PositionKey, ProtectiveBracket>())[key] = new ProtectiveBracket(key, positionQuantity, stopLoss, takeProfit, trailDistance, referencePrice);
    }

    public bool TryGet(PositionKey key, out ProtectiveBracket bracket)
    {
        if (_brackets is not null) return _brackets.TryGetValue(key, out bracket!);
        bracket = null!;
        return false;
    }

    /// <summary>The position changed size: keep protecting the new quantity, or disarm when flat or flipped.</summary>
    public void OnPositionChanged(PositionKey key, decimal positionQuantity)
    {
        if (_brackets is null || !_brackets.TryGetValue(key, out var b)) return;
        if (positionQuantity == 0 || Math.Sign(positionQuantity) != Math.Sign(b.Quantity)) _brackets.Remove(key);
        else b.Quantity = positionQuantity;
    }

    public bool Disarm(PositionKey key) => _brackets?.Remove(key) ?? false;

    /// <summary>Checks every bracket on <paramref name="symbol"/>; fired brackets are removed (OCO). Returns how many fired.</summary>
    public int OnPrice(SymbolId symbol, decimal price, List<ExitIntent> exits)
    {
        var fired = 0;
        if (_brackets is null) return fired;
        List<PositionKey>? done = null;
        foreach (var (key, bracket) in _brackets)
        {
            if (key.Symbol != symbol || bracket.OnPrice(price) is not { } exit) continue;
            exits.Add(exit);
            (done ??= []).Add(key);
            fired++;
        }
        if (done is not null) foreach (var k in done) _brackets.Remove(k);
        return fired;
    }
}
