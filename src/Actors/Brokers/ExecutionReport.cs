using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Brokers;

/// <summary>
/// Something happened to an order at the broker: it opened, (partly) filled, was canceled, rejected or expired.
/// For fills, <see cref="LastQuantity"/>@<see cref="LastPrice"/> is this execution, <see cref="FilledQuantity"/>
/// the running total and <see cref="TradeId"/> identifies the execution (so a replayed report is recognisable).
/// </summary>
public sealed record ExecutionReport(
    ClientOrderId ClientOrderId,
    string BrokerOrderId,
    OrderStatus Status,
    decimal LastQuantity,
    decimal LastPrice,
    decimal FilledQuantity,
    decimal AveragePrice,
    decimal Fees,
    DateTimeOffset Time,
    string Message = "",
    string? TradeId = null)
{
    public bool IsFill => LastQuantity > 0;
}
