using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Strategies;

/// <summary>
/// A raw external trading signal (TradingView alert, API SendSignal), not yet validated: the symbol is the text
/// received and the action a word ("BUY"/"SELL"). Quantity 0 lets risk size the order.
/// </summary>
public sealed record ExternalSignal(string Symbol, string Action, decimal Quantity = 0, decimal? Price = null,
    decimal? StopLoss = null, decimal? TakeProfit = null)
{
    /// <summary>Reads an API SendSignal; null on success, otherwise the problem naming the field (decimals are checked).</summary>
    public static string? TryFromProto(SendSignalRequest r, out ExternalSignal? signal)
    {
        signal = null;
        decimal?[] values = new decimal?[4];
        Api.V1.Decimal?[] fields = [r.Quantity, r.Price, r.StopLoss, r.TakeProfit];
        string[] names = ["quantity", "price", "stop_loss", "take_profit"];
        for (var i = 0; i < fields.Length; i++)
        {
            if (Model.ProtoDecimal.TryFromProto(fields[i], out var v) is { } e) return $"{names[i]}: {e}";
            values[i] = v == 0 ? null : v;
        }
        var action = r.Action switch { Side.Buy => "BUY", Side.Sell => "SELL", _ => "" };
        signal = new ExternalSignal(r.Symbol, action, values[0] ?? 0, values[1], values[2], values[3]);
        return null;
    }
}
