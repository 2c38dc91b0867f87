using ActorTrading.Api.V1;
using ApiDecimal = ActorTrading.Api.V1.Decimal;

namespace ActorTrading.Host.Tests.Support;

/// <summary>Requests the session tests build often.</summary>
public static class Messages
{
    public static ApiDecimal Dec(long units) => new() { Units = units };

    public static PlaceOrderRequest Market(string account, string clientId, Side side, long quantity, string symbol = "NSE:TCS") => new()
    {
        AccountId = account, ClientOrderId = clientId, Symbol = symbol, Side = side, Type = OrderType.Market,
        Quantity = Dec(quantity), TimeInForce = TimeInForce.Day, Product = Product.Mis,
    };

    public static PlaceOrderRequest Limit(string account, string clientId, long quantity, long price) => new()
    {
        AccountId = account, ClientOrderId = clientId, Symbol = "NSE:TCS", Side = Side.Buy, Type = OrderType.Limit,
        Quantity = Dec(quantity), LimitPrice = Dec(price), TimeInForce = TimeInForce.Day, Product = Product.Mis,
    };
}
