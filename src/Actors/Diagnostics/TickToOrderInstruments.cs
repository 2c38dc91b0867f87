using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ActorTrading.Actors.Diagnostics;

/// <summary>
/// Tick-to-order latency (Meter <c>ActorTrading.Trading</c>, histogram <c>actortrading.tick_to_order.duration</c>, seconds):
/// from a tick entering its symbol actor to the order it caused reaching the broker adapter (first attempt only).
/// The symbol actor stamps the tick, the strategy's intent carries the stamp through risk and the account to the gateway.
/// Free when nobody listens: the stamp is taken only while a listener (the node's /metrics) is attached.
/// </summary>
public static class TickToOrderInstruments
{
    public const string MeterName = "ActorTrading.Trading";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("actortrading.tick_to_order.duration", "s",
        "from a tick entering its symbol actor to the order it caused reaching the broker adapter");

    /// <summary>True while a listener records the histogram; stamps are taken only then.</summary>
    public static bool Enabled => Latency.Enabled;

    /// <summary>A <see cref="Stopwatch"/> timestamp for a tick entering its symbol actor, or 0 when nobody listens.</summary>
    public static long Stamp() => Latency.Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Records the time since <paramref name="tickArrivedAt"/> (a <see cref="Stamp"/>); 0 means the order came from no tick.</summary>
    public static void OrderReachedBroker(long tickArrivedAt)
    {
        if (tickArrivedAt != 0) Latency.Record(Stopwatch.GetElapsedTime(tickArrivedAt).TotalSeconds);
    }
}
