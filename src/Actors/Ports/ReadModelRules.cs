using ActorTrading.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorTrading.Actors.Ports;

/// <summary>Small rules every <see cref="IReadModelStore"/> shares.</summary>
public static class ReadModelRules
{
    public static bool IsOpen(OrderStatus s) => s is OrderStatus.Accepted or OrderStatus.Open or OrderStatus.PartiallyFilled;

    public static AuditEvent ToAuditEvent(AuditRecord r) => new()
    {
        Time = Timestamp.FromDateTimeOffset(r.Time), Principal = r.Principal, Action = r.Action,
        AccountId = r.AccountId, Outcome = r.Outcome, Detail = r.Detail,
    };

    public static void ValidateBars(IReadOnlyList<Bar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        foreach (var b in bars)
            if (b is null || string.IsNullOrEmpty(b.Symbol) || b.Start is null)
                throw new ArgumentException("every bar needs a symbol and a start", nameof(bars));
    }
}
