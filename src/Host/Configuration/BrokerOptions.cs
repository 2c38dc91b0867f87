namespace ActorTrading.Host.Configuration;

/// <summary>Where orders go: <c>paper</c> (simulated exchange, default) or <c>openalgo</c> (REST, needs Url and ApiKey).</summary>
public sealed class BrokerOptions
{
    public string Kind { get; set; } = "paper";

    public string Url { get; set; } = "";

    public string ApiKey { get; set; } = "";

    /// <summary>openalgo: how often the order book is polled for executions (OpenAlgo does not push them).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>openalgo: how long one REST call may take before it counts as a transient failure.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Orders per second the gateway lets through to the broker (the broker's own limit).</summary>
    public int OrdersPerSecond { get; set; } = 10;

    /// <summary>Orders per minute the gateway lets through to the broker.</summary>
    public int OrdersPerMinute { get; set; } = 200;

    /// <summary>Orders the gateway queues before denying RATE_LIMIT.</summary>
    public int QueueCapacity { get; set; } = 1000;
}
