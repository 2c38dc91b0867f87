using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using Position = ActorTrading.Actors.Model.Position;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// What the kill switch does (HaltRequest): the open orders to cancel and, when flattening, a market exit per open
/// position. The account actor executes the plan; cancels go first in the gateway's priority queue.
/// </summary>
public sealed record HaltPlan(IReadOnlyList<OrderId> OrdersToCancel, IReadOnlyList<OrderIntent> Exits)
{
    public static HaltPlan Create(IEnumerable<OrderState> openOrders, IEnumerable<Position> positions, bool cancelOpenOrders, bool flatten)
    {
        var cancels = cancelOpenOrders || flatten ? openOrders.Where(o => o.IsActive && !o.CancelRequested).Select(o => o.OrderId).ToArray() : [];
        var exits = flatten
            ? positions.Where(p => !p.IsFlat).Select(p => new OrderIntent
            {
                Symbol = p.Key.Symbol, Product = p.Key.Product, Side = p.Quantity > 0 ? Side.Sell : Side.Buy, Quantity = Math.Abs(p.Quantity),
                Type = OrderType.Market, Reason = "kill switch: flatten",
            }).ToArray()
            : [];
        return new HaltPlan(cancels, exits);
    }
}
