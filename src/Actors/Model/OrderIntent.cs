using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Model;

/// <summary>
/// What a strategy (or a signal) wants, before it has an identity: the account turns it into an
/// <see cref="OrderRequest"/> with a client order id. <see cref="Quantity"/> 0 means "let risk size it"
/// (risk per trade from <see cref="StopLoss"/>).
/// </summary>
public sealed record OrderIntent
{
    public required SymbolId Symbol { get; init; }
    public required Side Side { get; init; }
    public OrderType Type { get; init; } = OrderType.Market;
    public decimal Quantity { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public Product Product { get; init; } = Product.Mis;
    public TimeInForce TimeInForce { get; init; } = TimeInForce.Day;
    public decimal? StopLoss { get; init; }
    public decimal? TakeProfit { get; init; }
    public decimal? TrailingStop { get; init; }
    /// <summary>Why the strategy wants this (e.g. "ema cross up"); goes into logs and the audit trail.</summary>
    public string Reason { get; init; } = "";

    public OrderRequest ToRequest(AccountId account, ClientOrderId clientOrderId, string strategy) => new()
    {
        Account = account, ClientOrderId = clientOrderId, Symbol = Symbol, Side = Side, Type = Type, Quantity = Quantity,
        LimitPrice = LimitPrice, StopPrice = StopPrice, Product = Product, TimeInForce = TimeInForce,
        StopLoss = StopLoss, TakeProfit = TakeProfit, TrailingStop = TrailingStop, Strategy = strategy,
    };
}
