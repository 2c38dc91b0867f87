using ActorTrading.Actors.Model;
using ActorTrading.Actors.Ports;
using ActorTrading.Grpc;

namespace ActorTrading.Host.Api;

/// <summary>Field checks shared by the services: each failure is INVALID_ARGUMENT naming the field and the problem.</summary>
public static class RequestRules
{
    public static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));

    /// <summary>Throws INVALID_ARGUMENT when <paramref name="error"/> (a "field: problem" message) is not null.</summary>
    public static void Check(string? error)
    {
        if (error is not null) throw Invalid(error);
    }

    public static void Check(bool ok, string message)
    {
        if (!ok) throw Invalid(message);
    }

    public static string Identifier(string value, string field, int maxLength = 64)
    {
        Check(!string.IsNullOrEmpty(value), $"{field}: is required");
        Check(value.Length <= maxLength, $"{field}: must be at most {maxLength} characters (got {value.Length})");
        Check(value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'),
            $"{field}: '{value}' may only contain letters, digits, '-', '_', '.', ':'");
        return value;
    }

    public static string Text(string value, string field, int maxLength, bool required = false)
    {
        Check(!required || !string.IsNullOrWhiteSpace(value), $"{field}: is required");
        Check(value.Length <= maxLength, $"{field}: must be at most {maxLength} characters (got {value.Length})");
        Check(!value.Any(char.IsControl), $"{field}: must not contain control characters");
        return value;
    }

    public static string OrderIdOf(string value, string field = "order_id")
    {
        Check(OrderId.TryParse(value, out _), string.IsNullOrEmpty(value) ? $"{field}: is required" : $"{field}: '{value}' is not a valid order id");
        return value;
    }

    /// <summary>A known symbol of the catalog.</summary>
    public static SymbolId Symbol(string value, string field = "symbol")
    {
        if (SymbolId.Validate(value) is { } error) throw Invalid($"{field}: {error}");
        var id = SymbolId.Parse(value);
        Check(InstrumentCatalog.Default.Contains(id), $"{field}: unknown symbol {value} (ListSymbols lists the known ones)");
        return id;
    }

    /// <summary>An optional non-negative decimal (unset = 0).</summary>
    public static decimal NonNegative(global::ActorTrading.Api.V1.Decimal? value, string field)
    {
        if (ProtoDecimal.TryFromProto(value, out var d) is { } error) throw Invalid($"{field}: {error}");
        Check(d >= 0, $"{field}: must not be negative (got {d})");
        return d;
    }

    public static PageRequest Page(int pageSize, string pageToken)
    {
        Check(pageSize >= 0, $"page_size: must not be negative (got {pageSize})");
        Check(pageSize <= 1000, $"page_size: must be at most 1000 (got {pageSize})");
        var page = new PageRequest(pageSize, pageToken ?? "");
        try { page.TokenAsLong(); }
        catch (ArgumentException) { throw Invalid($"page_token: '{pageToken}' is not a token this listing returned"); }
        return page;
    }
}
