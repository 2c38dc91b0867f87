using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Model;

/// <summary>
/// Turns an API <see cref="PlaceOrderRequest"/> into a validated <see cref="OrderRequest"/>, or the INVALID_ARGUMENT
/// message naming the field. Unset (zero) optional prices mean "none"; quantity 0 asks risk to size the order.
/// Every enum is required: the API refuses X_UNSPECIFIED.
/// </summary>
public static class PlaceOrderRequestParser
{
    public static string? TryParse(PlaceOrderRequest r, InstrumentCatalog instruments, out OrderRequest? request)
    {
        request = null;
        if (!AccountId.TryParse(r.AccountId, out var account)) return "account_id: " + Describe(r.AccountId, "account id");
        if (!ClientOrderId.TryParse(r.ClientOrderId, out var clientId)) return "client_order_id: " + Describe(r.ClientOrderId, "client order id");
        if (!SymbolId.TryParse(r.Symbol, out var symbol)) return "symbol: " + SymbolId.Validate(r.Symbol);
        if (!instruments.TryGet(symbol, out var spec)) return $"symbol: unknown symbol {symbol}";
        if (r.Side == Side.Unspecified) return "side: must be BUY or SELL";
        if (r.Type == OrderType.Unspecified) return "type: must be MARKET, LIMIT, STOP_LIMIT or STOP_MARKET";
        if (r.TimeInForce == TimeInForce.Unspecified) return "time_in_force: must be DAY, IOC or GTC";
        if (r.Product == Product.Unspecified) return "product: must be MIS, CNC or NRML";
        decimal? Opt(Api.V1.Decimal? d, string field, ref string? err)
        {
            if (err is not null) return null;
            if (ProtoDecimal.TryFromProto(d, out var v) is { } e) { err = field + ": " + e; return null; }
            return v == 0 ? null : v;
        }
        string? error = null;
        var quantity = Opt(r.Quantity, "quantity", ref error) ?? 0;
        var limit = Opt(r.LimitPrice, "limit_price", ref error);
        var stop = Opt(r.StopPrice, "stop_price", ref error);
        var stopLoss = Opt(r.StopLoss, "stop_loss", ref error);
        var takeProfit = Opt(r.TakeProfit, "take_profit", ref error);
        var trailing = Opt(r.TrailingStop, "trailing_stop", ref error);
        if (error is not null) return error;
        var candidate = new OrderRequest
        {
            Account = account, ClientOrderId = clientId, Symbol = symbol, Side = r.Side, Type = r.Type, Quantity = quantity,
            LimitPrice = limit, StopPrice = stop, TimeInForce = r.TimeInForce, Product = r.Product, StopLoss = stopLoss,
            TakeProfit = takeProfit, TrailingStop = trailing, Strategy = r.Strategy ?? "",
        };
        // quantity 0 asks risk to size the order; everything else must already be well formed
        var problem = (quantity == 0 ? candidate with { Quantity = spec.LotSize } : candidate).Validate(spec);
        if (problem is not null) return problem;
        request = candidate;
        return null;
    }

    private static string Describe(string? value, string what) => string.IsNullOrEmpty(value) ? $"{what} is required" : $"invalid {what} '{value}'";
}
