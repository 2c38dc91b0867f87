using ActorTrading.Cluster.V1;
using ActorTrading.Events.V1;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Accounts;

/// <summary>
/// The per-account order rate (DESIGN.md §4): part of the journaled limits (<c>OrderRateLimit</c> in AccountOpened,
/// RiskLimitsChanged and the snapshot), the node's default for new accounts, changed with <see cref="UpdateOrderRateLimit"/>
/// (the public RiskLimits has no field for it).
/// </summary>
public sealed partial class AccountActor
{
    public const int MaxOrdersPerSecond = 1_000_000;

    private async Task UpdateOrderRateAsync(IContext context, UpdateOrderRateLimit m)
    {
        if (m.OrdersPerSecond is < 1 or > MaxOrdersPerSecond)
            { await Reply(context, context.Sender, Failures.Invalid("orders_per_second", $"orders_per_second must be 1..{MaxOrdersPerSecond} (got {m.OrdersPerSecond})")); return; }
        if (m.Burst is < 0 or > MaxOrdersPerSecond)
            { await Reply(context, context.Sender, Failures.Invalid("burst", $"burst must be 0..{MaxOrdersPerSecond} (got {m.Burst}); 0 = orders_per_second")); return; }
        var limits = _state.Limits with { OrdersPerSecond = m.OrdersPerSecond, OrderBurst = m.Burst == 0 ? m.OrdersPerSecond : m.Burst };
        var changed = new RiskLimitsChanged { Limits = limits.ToProto(), OrderRate = AccountEvents.Rate(limits) };
        if (!await PersistAsync(context, [With(e => e.RiskLimitsChanged = changed)]).ConfigureAwait(false))
            { await Reply(context, context.Sender, Failures.Unavailable("journal unavailable: order rate unchanged")); return; }
        SendView(context);
        await Reply(context, context.Sender, OrderRate());
    }

    private OrderRateLimitSettings OrderRate() =>
        new() { AccountId = _id.Value, OrdersPerSecond = _state.Limits.OrdersPerSecond, Burst = _state.Limits.OrderBurst };
}
