using System.Diagnostics.CodeAnalysis;

namespace ActorTrading.Actors.Model;

/// <summary>An instrument identifier "EXCHANGE:SYMBOL", e.g. NSE:RELIANCE. Upper-case, validated.</summary>
public readonly record struct SymbolId
{
    private const int MaxLength = 64;

    public string Value { get; }

    public SymbolId(string value)
    {
        var error = Validate(value);
        if (error is not null) ThrowHelper.Argument(nameof(value), error);
        Value = value;
    }

    public SymbolId(string exchange, string symbol) : this(exchange + ":" + symbol) { }

    private SymbolId(string value, bool _) => Value = value;

    /// <summary>True for <c>default(SymbolId)</c>, which was never validated.</summary>
    public bool IsEmpty => Value is null;

    public string Exchange => Value[..Value.IndexOf(':')];

    public string Symbol => Value[(Value.IndexOf(':') + 1)..];

    public static bool TryParse([NotNullWhen(true)] string? value, out SymbolId id)
    {
        if (Validate(value) is null) { id = new SymbolId(value!, true); return true; }
        id = default;
        return false;
    }

    public static SymbolId Parse(string value) => new(value);

    /// <summary>Null when valid, otherwise a message saying what is wrong.</summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "symbol must not be empty (expected EXCHANGE:SYMBOL)";
        if (value.Length > MaxLength) return $"symbol must be at most {MaxLength} characters";
        var colon = value.IndexOf(':');
        if (colon <= 0 || colon == value.Length - 1 || value.IndexOf(':', colon + 1) >= 0)
            return $"symbol '{value}' must be EXCHANGE:SYMBOL, e.g. NSE:RELIANCE";
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (i == colon) continue;
            var ok = char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || (i > colon && c is '-' or '_' or '&' or '.');
            if (!ok) return $"symbol '{value}' contains invalid character '{c}' (upper-case letters and digits)";
        }
        return null;
    }

    public override string ToString() => Value ?? string.Empty;
}
