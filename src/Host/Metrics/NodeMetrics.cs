using System.Diagnostics;
using System.Diagnostics.Metrics;
using ActorTrading.Api.V1;

namespace ActorTrading.Host.Metrics;

/// <summary>
/// The node's instruments (Meter <c>ActorTrading.Host</c>). The trading actors and the runtime publish their own meters
/// (<c>ActorTrading.*</c>: tick-to-order latency, mailbox and gateway queue depth, ...); /metrics exports all of them.
/// </summary>
public sealed class NodeMetrics : IDisposable
{
    public const string MeterName = "ActorTrading.Host";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _calls;
    private readonly Histogram<double> _callSeconds;
    private readonly Counter<long> _orders;
    private readonly Counter<long> _rateLimitDenials;
    private readonly Counter<long> _ticks;
    private readonly Counter<long> _streamDropped;
    private readonly Counter<long> _webhooks;

    public NodeMetrics()
    {
        _calls = _meter.CreateCounter<long>("actortrading.grpc.calls", description: "gRPC calls by method and status");
        _callSeconds = _meter.CreateHistogram<double>("actortrading.grpc.call.duration", "s", "gRPC call duration");
        _orders = _meter.CreateCounter<long>("actortrading.orders", description: "order acknowledgements by outcome (status)");
        _rateLimitDenials = _meter.CreateCounter<long>("actortrading.orders.rate_limit_denials", description: "orders denied RATE_LIMIT");
        _ticks = _meter.CreateCounter<long>("actortrading.ticks", description: "ticks delivered to API streams and published (rate = ticks/s)");
        _streamDropped = _meter.CreateCounter<long>("actortrading.stream.dropped", description: "messages dropped for slow stream readers");
        _webhooks = _meter.CreateCounter<long>("actortrading.webhooks", description: "TradingView webhook requests by outcome");
        ProcessInstruments.Register(_meter);
    }

    public Meter Meter => _meter;

    public void CallCompleted(string method, string status, long startTimestamp)
    {
        var tags = new TagList { { "method", method }, { "status", status } };
        _calls.Add(1, tags);
        _callSeconds.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new KeyValuePair<string, object?>("method", method));
    }

    public void OrderAcknowledged(OrderAck ack)
    {
        _orders.Add(1, new KeyValuePair<string, object?>("outcome", Outcome(ack.Status)));
        if (ack.DenialReason == DenialReason.RateLimit) _rateLimitDenials.Add(1);
    }

    /// <summary>The status's upper-case name, made once per value (not two strings per order).</summary>
    private static string Outcome(OrderStatus status) =>
        (uint)status < (uint)Outcomes.Length ? Outcomes[(int)status] : status.ToString().ToUpperInvariant();

    private static readonly string[] Outcomes = [.. Enumerable.Range(0, Enum.GetValues<OrderStatus>().Max(s => (int)s) + 1)
        .Select(i => ((OrderStatus)i).ToString().ToUpperInvariant())];

    public void TicksSeen(long count, string source) => _ticks.Add(count, new KeyValuePair<string, object?>("source", source));

    public void StreamDropped(string stream) => _streamDropped.Add(1, new KeyValuePair<string, object?>("stream", stream));

    public void Webhook(string outcome) => _webhooks.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Dispose() => _meter.Dispose();
}
