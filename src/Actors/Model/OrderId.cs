using System.Diagnostics.CodeAnalysis;

namespace ActorTrading.Actors.Model;

/// <summary>A validated order id: 1..64 ASCII letters, digits, '-', '_', '.', ':'.</summary>
public readonly record struct OrderId
{
    public string Value { get; }

    public OrderId(string value)
    {
        var error = IdentifierRules.Validate(value, "order id");
        if (error is not null) ThrowHelper.Argument(nameof(value), error);
        Value = value;
    }

    private OrderId(string value, bool _) => Value = value;

    public bool IsEmpty => Value is null;

    public static bool TryParse([NotNullWhen(true)] string? value, out OrderId id)
    {
        if (IdentifierRules.Validate(value, "order id") is null) { id = new OrderId(value!, true); return true; }
        id = default;
        return false;
    }

    public static OrderId Parse(string value) => new(value);

    public override string ToString() => Value ?? string.Empty;
}
