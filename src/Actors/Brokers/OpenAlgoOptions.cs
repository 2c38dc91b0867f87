namespace ActorTrading.Actors.Brokers;

/// <summary>Connection settings of an OpenAlgo server. <see cref="Strategy"/> is sent with every order: it is the algo id tag.</summary>
public sealed record OpenAlgoOptions
{
    /// <summary>e.g. http://127.0.0.1:5000/ — the adapter appends api/v1/...</summary>
    public required Uri BaseAddress { get; init; }
    public required string ApiKey { get; init; }
    public string Strategy { get; init; } = "ActorTrading";
    public string Name { get; init; } = "openalgo";

    /// <summary>How often the gateway polls the order book for executions (OpenAlgo does not push them); zero: never.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
