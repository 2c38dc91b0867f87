using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Brokers;

/// <summary>One request waiting for the broker. Exactly one of the payloads matches <see cref="Kind"/>.</summary>
public sealed record GatewayCommand(GatewayCommandKind Kind, ClientOrderId ClientOrderId, DateTimeOffset Enqueued)
{
    public BrokerOrder? Order { get; init; }
    public string? BrokerOrderId { get; init; }
    public OrderModification? Modification { get; init; }
    /// <summary>How many times it was sent already (retries).</summary>
    public int Attempt { get; init; }
    /// <summary>Diagnostics: when the tick that caused a new order entered its symbol actor (0: none).</summary>
    public long TickArrivedAt { get; init; }

    /// <summary>The same request for its next try (after a transient error and the retry delay).</summary>
    public GatewayCommand NextAttempt() => this with { Attempt = Attempt + 1 };

    public static GatewayCommand New(BrokerOrder order, DateTimeOffset now, long tickArrivedAt = 0) =>
        new(GatewayCommandKind.New, order.ClientOrderId, now) { Order = order, TickArrivedAt = tickArrivedAt };

    public static GatewayCommand Cancel(ClientOrderId id, string brokerOrderId, DateTimeOffset now) =>
        new(GatewayCommandKind.Cancel, id, now) { BrokerOrderId = brokerOrderId };

    public static GatewayCommand Modify(ClientOrderId id, string brokerOrderId, OrderModification m, DateTimeOffset now) =>
        new(GatewayCommandKind.Modify, id, now) { BrokerOrderId = brokerOrderId, Modification = m };
}
