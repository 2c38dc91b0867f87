using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ActorTrading.Actors.Diagnostics;

/// <summary>
/// What the gateway actors publish (Meter <c>ActorTrading.Gateway</c>; the node's /metrics exports every
/// <c>ActorTrading.*</c> meter): queue depth per gateway, and rate-limit denials by reason (<c>queue_full</c>: refused
/// RATE_LIMIT; <c>bucket</c>: held back by the distributed bucket).
/// </summary>
public static class GatewayInstruments
{
    public const string MeterName = "ActorTrading.Gateway";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<string, Func<int>> Queues = new(StringComparer.Ordinal);
    private static readonly Counter<long> Denials = Meter.CreateCounter<long>("actortrading.gateway.rate_limit_denials",
        description: "gateway commands refused or held back by a rate limit, by gateway and reason");

    static GatewayInstruments() =>
        Meter.CreateObservableGauge("actortrading.gateway.queue.depth",
            () => Queues.Select(q => new Measurement<int>(q.Value(), new KeyValuePair<string, object?>("gateway", q.Key))),
            description: "commands waiting in each gateway's queue");

    public static void Register(string gateway, Func<int> depth) => Queues[gateway] = depth;

    public static void Unregister(string gateway) => Queues.TryRemove(gateway, out _);

    public static void Denied(string gateway, string reason) =>
        Denials.Add(1, new KeyValuePair<string, object?>("gateway", gateway), new KeyValuePair<string, object?>("reason", reason));
}
