namespace ActorTrading.Actors.Brokers;

/// <summary>
/// A broker that neither pushes executions nor echoes our client order id in its order book (OpenAlgo). The gateway
/// polls it every <see cref="PollInterval"/>, reconciles against its full order book of the day, and, after a restart,
/// hands it back the orders it attributed (<see cref="Adopt"/>) so they are polled, modified and canceled again.
/// </summary>
public interface IPolledBroker
{
    /// <summary>How often the gateway polls; zero or negative: never.</summary>
    TimeSpan PollInterval { get; }

    /// <summary>Publishes an execution report for every tracked order whose status or filled quantity changed.</summary>
    Task<BrokerResult<int>> PollAsync(CancellationToken cancellationToken = default);

    /// <summary>Every order of the day, finished ones included.</summary>
    Task<BrokerResult<IReadOnlyList<BrokerOrderSnapshot>>> GetOrderBookAsync(CancellationToken cancellationToken = default);

    /// <summary>Tracks a broker order found by reconciliation as <paramref name="order"/>, as seen in <paramref name="snapshot"/>.</summary>
    void Adopt(BrokerOrder order, BrokerOrderSnapshot snapshot);
}
