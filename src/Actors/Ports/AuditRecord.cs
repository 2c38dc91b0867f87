namespace ActorTrading.Actors.Ports;

/// <summary>One audit entry. <see cref="AccountId"/> is empty for actions on no account.</summary>
public sealed record AuditRecord(DateTimeOffset Time, string Principal, string Action, string AccountId, string Outcome, string Detail);
