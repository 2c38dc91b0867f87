using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Model;

/// <summary>
/// The immutable state of one order at one moment. Change it only through <see cref="OrderStateMachine"/>,
/// which refuses invalid transitions with a value, never an exception.
/// </summary>
public sealed record OrderState
{
    public required OrderId OrderId { get; init; }
    public required OrderRequest Request { get; init; }
    public required OrderStatus Status { get; init; }
    /// <summary>Current total quantity (changes on modify).</summary>
    public required decimal Quantity { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public decimal FilledQuantity { get; init; }
    public decimal AverageFillPrice { get; init; }
    /// <summary>A cancel was sent and not yet confirmed; fills may still arrive.</summary>
    public bool CancelRequested { get; init; }
    public DenialReason DenialReason { get; init; }
    public string Message { get; init; } = "";
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset Updated { get; init; }

    public ClientOrderId ClientOrderId => Request.ClientOrderId;
    public SymbolId Symbol => Request.Symbol;
    public Side Side => Request.Side;
    public decimal RemainingQuantity => Quantity - FilledQuantity;

    /// <summary>ACCEPTED, OPEN or PARTIALLY_FILLED: can still fill, be modified or canceled.</summary>
    public bool IsActive => Status is OrderStatus.Accepted or OrderStatus.Open or OrderStatus.PartiallyFilled;

    public bool IsTerminal => !IsActive;
}
