using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Ports;

/// <summary>Who a verified key speaks for: a role and the accounts granted to it (admins see all).</summary>
public sealed record ApiPrincipal(string KeyId, string Principal, Role Role, IReadOnlyList<string> AccountIds)
{
    public bool CanAccess(string accountId) => Role == Role.Admin || AccountIds.Contains(accountId, StringComparer.Ordinal);
}
