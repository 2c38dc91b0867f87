using ActorTrading.Actors.Model;
using ActorTrading.Grpc;
using ActorTrading.Host.Audit;

namespace ActorTrading.Host.Security;

/// <summary>
/// The account check of account-scoped rpcs: the id must be well formed (INVALID_ARGUMENT naming the field) and granted
/// to the caller (PERMISSION_DENIED, the same answer whether or not the account exists, so nothing leaks).
/// </summary>
public static class AccountAccess
{
    public static string Require(ServerCallContext context, string accountId, string field = "account_id")
    {
        if (!AccountId.TryParse(accountId, out _))
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                string.IsNullOrEmpty(accountId) ? $"{field}: is required" : $"{field}: '{Trim(accountId)}' is not a valid account id (1..64 letters, digits, - _ . :)"));
        context.SetAuditAccount(accountId);
        var principal = context.Principal();
        if (!principal.CanAccess(accountId))
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"'{principal.Principal}' has no access to account '{accountId}'"));
        return accountId;
    }

    private static string Trim(string s) => s.Length <= 70 ? s : s[..70] + "…";
}
