namespace ActorTrading.Actors.Model;

/// <summary>Shared validation for the textual identifiers (account, order, client order id).</summary>
internal static class IdentifierRules
{
    public const int MaxLength = 64;

    /// <summary>1..64 chars of ASCII letters, digits, '-', '_', '.', ':'.</summary>
    public static string? Validate(string? value, string what)
    {
        if (string.IsNullOrEmpty(value)) return $"{what} must not be empty";
        if (value.Length > MaxLength) return $"{what} must be at most {MaxLength} characters (got {value.Length})";
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
                return $"{what} '{value}' contains invalid character '{c}' (allowed: letters, digits, - _ . :)";
        }
        return null;
    }
}
