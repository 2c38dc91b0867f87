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
    IReadOnlyDictionary<SymbolId, decimal> Positions)
{
    /// <summary>Shared by every strategy started without parameters.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoParameters = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Shared by every strategy started while flat in all its symbols.</summary>
    public static readonly IReadOnlyDictionary<SymbolId, decimal> NoPositions = System.Collections.ObjectModel.ReadOnlyDictionary<SymbolId, decimal>.Empty;
}
