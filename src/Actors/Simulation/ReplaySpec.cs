using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Actors.Strategies;

namespace ActorTrading.Actors.Simulation;

/// <summary>One strategy instance of a replay.</summary>
public sealed record ReplayStrategy(string InstanceName, string Type, IReadOnlyList<string> Symbols, IReadOnlyDictionary<string, string>? Parameters = null);

/// <summary>One account of a replay with its strategies.</summary>
public sealed record ReplayAccount(string AccountId, decimal InitialCash, IReadOnlyList<ReplayStrategy> Strategies);

/// <summary>What to replay: accounts and strategies over a paper exchange, with the limits and reference data.</summary>
public sealed record ReplaySpec
{
    public required IReadOnlyList<ReplayAccount> Accounts { get; init; }
    public RiskSettings Limits { get; init; } = RiskSettings.Default;
    public InstrumentCatalog Instruments { get; init; } = InstrumentCatalog.Default;
    public StrategyCatalog Strategies { get; init; } = StrategyCatalog.Default;
    public MarketCalendar Calendar { get; init; } = MarketCalendar.Nse();
    public PaperBrokerOptions Broker { get; init; } = new();
}
