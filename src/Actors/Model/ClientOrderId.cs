using System.Diagnostics.CodeAnalysis;

namespace ActorTrading.Actors.Model;

/// <summary>A validated client order id: 1..64 ASCII letters, digits, '-', '_', '.', ':'.</summary>
public readonly record struct ClientOrderId
{
    public string Value { get; }

    public ClientOrderId(string value)
    {
        var error = IdentifierRules.Validate(value, "client order id");
        if (error is not null) ThrowHelper.Argument(nameof(value), error);
        Value = value;
    }

    private ClientOrderId(string value, bool _) => Value = value;

    public bool IsEmpty => Value is null;

    public static bool TryParse([NotNullWhen(true)] string? value, out ClientOrderId id)
    {
        if (IdentifierRules.Validate(value, "client order id") is null) { id = new ClientOrderId(value!, true); return true; }
        id = default;
        return false;
    }

    public static ClientOrderId Parse(string value) => new(value);

    public override string ToString() => Value ?? string.Empty;
}
