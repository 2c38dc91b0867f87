using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Strategies;

/// <summary>
/// A raw external trading signal (TradingView alert, API SendSignal), not yet validated: the symbol is the text
/// received and the action a word ("BUY"/"SELL"). Quantity 0 lets risk size the order.
/// </summary>
public sealed record ExternalSignal(string Symbol, string Action, decimal Quantity = 0, decimal? Price = null,
    decimal? StopLoss = null, decimal? TakeProfit = null)
{
    public static ExternalSignal FromProto(SendSignalRequest r)
    {
        static decimal? Opt(Api.V1.Decimal? d) => d is null ? null : Model.ProtoDecimal.FromProto(d) is var v && v != 0 ? v : null;
        var action = r.Action switch { Side.Buy => "BUY", Side.Sell => "SELL", _ => "" };
        return new ExternalSignal(r.Symbol, action, Model.ProtoDecimal.FromProto(r.Quantity), Opt(r.Price), Opt(r.StopLoss), Opt(r.TakeProfit));
    }
}
