namespace ActorTrading.Actors.Model;

/// <summary>What the domain needs to know about a tradable instrument: tick and lot size, sector, a reference price.</summary>
public sealed record InstrumentSpec
{
    public InstrumentSpec(SymbolId symbol, decimal tickSize, decimal lotSize, string sector, decimal referencePrice = 0m)
    {
        if (symbol.IsEmpty) ThrowHelper.Argument(nameof(symbol), "symbol is required");
        if (tickSize <= 0) ThrowHelper.Argument(nameof(tickSize), $"tick size must be positive (got {tickSize})");
        if (lotSize <= 0) ThrowHelper.Argument(nameof(lotSize), $"lot size must be positive (got {lotSize})");
        if (referencePrice < 0) ThrowHelper.Argument(nameof(referencePrice), $"reference price must not be negative (got {referencePrice})");
        Symbol = symbol;
        TickSize = tickSize;
        LotSize = lotSize;
        Sector = string.IsNullOrWhiteSpace(sector) ? "UNCLASSIFIED" : sector;
        ReferencePrice = referencePrice;
    }

    public SymbolId Symbol { get; }
    public decimal TickSize { get; }
    public decimal LotSize { get; }
    public string Sector { get; }
    /// <summary>A plausible price to start a simulation from (0 when unknown).</summary>
    public decimal ReferencePrice { get; }

    public bool IsOnTick(decimal price) => DecimalMath.IsMultipleOf(price, TickSize);

    public bool IsWholeLots(decimal quantity) => quantity > 0 && DecimalMath.IsMultipleOf(quantity, LotSize);

    public decimal RoundDownToLot(decimal quantity) => quantity <= 0 ? 0 : DecimalMath.FloorTo(quantity, LotSize);

    public decimal RoundToTick(decimal price) => DecimalMath.RoundTo(price, TickSize);

    /// <summary>Null when price is positive and on the tick grid; otherwise why not.</summary>
    public string? ValidatePrice(decimal price, string field) =>
        price <= 0 ? $"{field} {price} must be positive"
        : IsOnTick(price) ? null
        : $"{field} {price} is not a multiple of the tick size {TickSize} for {Symbol}";

    /// <summary>Null when quantity is a positive whole number of lots; otherwise why not.</summary>
    public string? ValidateQuantity(decimal quantity) =>
        quantity <= 0 ? $"quantity {quantity} must be positive"
        : IsWholeLots(quantity) ? null
        : $"quantity {quantity} is not a multiple of the lot size {LotSize} for {Symbol}";
}
