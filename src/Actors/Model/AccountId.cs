using System.Diagnostics.CodeAnalysis;

namespace ActorTrading.Actors.Model;

/// <summary>A validated account id: 1..64 ASCII letters, digits, '-', '_', '.', ':'.</summary>
public readonly record struct AccountId
{
    public string Value { get; }

    public AccountId(string value)
    {
        var error = IdentifierRules.Validate(value, "account id");
        if (error is not null) ThrowHelper.Argument(nameof(value), error);
        Value = value;
    }

    private AccountId(string value, bool _) => Value = value;

    public bool IsEmpty => Value is null;

    public static bool TryParse([NotNullWhen(true)] string? value, out AccountId id)
    {
        if (IdentifierRules.Validate(value, "account id") is null) { id = new AccountId(value!, true); return true; }
        id = default;
        return false;
    }

    public static AccountId Parse(string value) => new(value);

    public override string ToString() => Value ?? string.Empty;
}
