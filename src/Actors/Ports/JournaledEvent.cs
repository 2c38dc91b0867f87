using ActorTrading.Events.V1;

namespace ActorTrading.Actors.Ports;

/// <summary>One event read back from the journal.</summary>
public sealed record JournaledEvent(string AccountId, long Seq, DateTimeOffset At, AccountEvent Event);
