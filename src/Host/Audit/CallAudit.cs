using ActorTrading.Grpc;

namespace ActorTrading.Host.Audit;

/// <summary>What a handler tells the audit about its call: the account acted on and a short detail.</summary>
public static class CallAudit
{
    private static readonly object AccountKey = new();
    private static readonly object DetailKey = new();

    public static void SetAuditAccount(this ServerCallContext context, string accountId) => context.UserState[AccountKey] = accountId;

    public static void SetAuditDetail(this ServerCallContext context, string detail) => context.UserState[DetailKey] = detail;

    public static string AuditAccount(this ServerCallContext context) =>
        context.UserState.TryGetValue(AccountKey, out var a) ? (string)a : "";

    public static string AuditDetail(this ServerCallContext context) =>
        context.UserState.TryGetValue(DetailKey, out var d) ? (string)d : "";
}
