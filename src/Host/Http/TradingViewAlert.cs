using System.Globalization;
using System.Text.Json;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Host.Http;

/// <summary>
/// A TradingView alert body: <c>{"symbol": "NSE:TCS", "action": "buy", "quantity": 10, "price": 3950.5, "stop_loss": 3900,
/// "take_profit": 4100}</c>. <c>position_size</c> may stand for quantity; numbers may be JSON numbers or strings;
/// a bare symbol ("TCS") is looked up in the catalog. <see cref="TryParse"/> says what is wrong.
/// </summary>
public static class TradingViewAlert
{
    public static string? TryParse(JsonElement body, string accountId, string instance, out SendSignalRequest? request)
    {
        request = null;
        if (body.ValueKind != JsonValueKind.Object) return "the body must be a JSON object";
        if (!body.TryGetProperty("symbol", out var symbolElement) || symbolElement.ValueKind != JsonValueKind.String)
            return "symbol: is required (a string such as \"NSE:TCS\")";
        var symbol = Resolve(symbolElement.GetString()!);
        if (symbol is null) return $"symbol: unknown symbol '{symbolElement.GetString()}'";
        if (!body.TryGetProperty("action", out var actionElement) || actionElement.ValueKind != JsonValueKind.String)
            return "action: is required (\"buy\" or \"sell\")";
        var side = actionElement.GetString()!.Trim().ToLowerInvariant() switch
        {
            "buy" or "long" => Side.Buy,
            "sell" or "short" => Side.Sell,
            _ => Side.Unspecified,
        };
        if (side == Side.Unspecified) return $"action: '{actionElement.GetString()}' must be \"buy\" or \"sell\"";
        request = new SendSignalRequest { AccountId = accountId, InstanceName = instance, Symbol = symbol, Action = side };
        string? error = null;
        request.Quantity = Number(body, "quantity", ref error) ?? Number(body, "position_size", ref error);
        request.Price = Number(body, "price", ref error);
        request.StopLoss = Number(body, "stop_loss", ref error);
        request.TakeProfit = Number(body, "take_profit", ref error);
        if (error is not null) { request = null; return error; }
        return null;
    }

    private static string? Resolve(string raw)
    {
        var text = raw.Trim().ToUpperInvariant();
        if (SymbolId.TryParse(text, out var id)) return InstrumentCatalog.Default.Contains(id) ? id.Value : null;
        var matches = InstrumentCatalog.Default.All.Where(s => s.Symbol.Symbol == text).ToList();
        return matches.Count == 1 ? matches[0].Symbol.Value : null;
    }

    private static global::ActorTrading.Api.V1.Decimal? Number(JsonElement body, string field, ref string? error)
    {
        if (error is not null || !body.TryGetProperty(field, out var e) || e.ValueKind == JsonValueKind.Null) return null;
        decimal value;
        if (e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var n)) value = n;
        else if (e.ValueKind == JsonValueKind.String && decimal.TryParse(e.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var s)) value = s;
        else { error = $"{field}: must be a number"; return null; }
        if (value < 0) { error = $"{field}: must not be negative (got {value})"; return null; }
        if (ProtoDecimal.TryToProto(value, out var proto) is { } problem) { error = $"{field}: {problem}"; return null; }
        return proto;
    }
}
