using ActorTrading.Actors.Model;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Accounts;

/// <summary>What a strategy child needs to start: its instance, the risk child to send intents to, the account's positions.</summary>
public sealed record StrategyArgs(
    AccountId Account,
    string InstanceName,
    string Type,
    IReadOnlyList<SymbolId> Symbols,
    IReadOnlyDictionary<string, string> Parameters,
    PID Risk,
    decimal MinRewardRisk,
    IReadOnlyDictionary<SymbolId, decimal> Positions);
