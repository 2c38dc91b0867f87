using ActorTrading.Actors.Ports;
using ActorTrading.Actors.Replay;

namespace ActorTrading.Actors.Simulation;

/// <summary>The outcome of a replay: every journaled event per account (the determinism witness) and the report per account.</summary>
public sealed record ReplayResult(
    long Ticks,
    IReadOnlyDictionary<string, IReadOnlyList<JournaledEvent>> Events,
    IReadOnlyDictionary<string, ReplayReport> Reports);
