using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Brokers;

/// <summary>One difference between the account and the broker, and what would fix it. <see cref="Detail"/> is for humans.</summary>
public sealed record ReconciliationCorrection(CorrectionKind Kind, string Detail)
{
    public ClientOrderId? ClientOrderId { get; init; }
    public string? BrokerOrderId { get; init; }
    public BrokerOrderSnapshot? Broker { get; init; }
    public PositionKey? Position { get; init; }
    public decimal LocalQuantity { get; init; }
    public decimal BrokerQuantity { get; init; }
}
