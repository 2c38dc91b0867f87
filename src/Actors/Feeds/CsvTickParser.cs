using System.Globalization;
using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Feeds;

/// <summary>
/// Parses one line of <c>time,symbol,bid,ask,last,volume</c>: time ISO-8601 (UTC when no offset is given), symbol
/// EXCHANGE:SYMBOL, prices invariant-culture decimals, volume a non-negative integer.
/// </summary>
public static class CsvTickParser
{
    public const string Header = "time,symbol,bid,ask,last,volume";

    public static MarketTick Parse(string line, int lineNumber, long sequence)
    {
        var f = line.Split(',');
        if (f.Length != 6) throw new CsvFeedException(lineNumber, $"expected 6 fields ({Header}), got {f.Length}");
        if (!DateTimeOffset.TryParse(f[0].Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            throw new CsvFeedException(lineNumber, $"time '{f[0].Trim()}' is not an ISO-8601 timestamp");
        if (SymbolId.Validate(f[1].Trim()) is { } symbolError) throw new CsvFeedException(lineNumber, symbolError);
        var bid = Price(f[2], "bid", lineNumber);
        var ask = Price(f[3], "ask", lineNumber);
        var last = Price(f[4], "last", lineNumber);
        if (!long.TryParse(f[5].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var volume))
            throw new CsvFeedException(lineNumber, $"volume '{f[5].Trim()}' is not a non-negative integer");
        try
        {
            return new MarketTick(new SymbolId(f[1].Trim()), bid, ask, last, volume, time.ToUniversalTime(), sequence);
        }
        catch (ArgumentException e)
        {
            throw new CsvFeedException(lineNumber, e.Message.Split(" (Parameter")[0]);
        }
    }

    private static decimal Price(string text, string field, int line) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)
            ? v : throw new CsvFeedException(line, $"{field} '{text.Trim()}' is not a non-negative decimal");
}
