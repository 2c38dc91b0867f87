namespace ActorTrading.Actors.Model;

/// <summary>
/// The outcome of asking for a transition: the new state, or the unchanged state and why not. When an
/// <see cref="OrderBook"/> does not know the order id, <see cref="State"/> is null and <see cref="Error"/> says so.
/// </summary>
public readonly record struct OrderTransition(bool Succeeded, OrderState State, string? Error)
{
    public static OrderTransition Ok(OrderState state) => new(true, state, null);

    public static OrderTransition Refused(OrderState state, string error) => new(false, state, error);
}
