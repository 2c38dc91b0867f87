using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Audit;
using ActorTrading.Host.Composition;
using ActorTrading.Host.Configuration;
using ActorTrading.Host.Security;
using Microsoft.Extensions.Options;
using static ActorTrading.Host.Api.RequestRules;

namespace ActorTrading.Host.Api;

/// <summary><c>actortrading.v1.Accounts</c>: account commands go to the account actor; listings, keys and audit to the ports.</summary>
public sealed class AccountsApi(ActorRouter router, NodeStorage storage, IOptions<NodeOptions> options)
{
    public async Task<Account> CreateAccount(CreateAccountRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        Text(request.DisplayName, "display_name", 128);
        var cash = NonNegative(request.InitialCash, "initial_cash");
        Check(RiskSettings.TryFromProto(request.Limits, null, out _) is not { } e ? null : "limits." + e);
        var command = request.Clone();
        command.Limits = RiskDefaults.Merge(request.Limits, options.Value, storage);
        context.SetAuditDetail($"display_name={request.DisplayName} initial_cash={cash}");
        return await router.AskAccountAsync<Account>(request.AccountId, command, context).ConfigureAwait(false);
    }

    public Task<Account> GetAccount(GetAccountRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        return router.AskAccountAsync<Account>(request.AccountId, request, context);
    }

    public async Task<ListAccountsResponse> ListAccounts(ListAccountsRequest request, ServerCallContext context)
    {
        var page = Page(request.PageSize, request.PageToken);
        var principal = context.Principal();
        var response = new ListAccountsResponse();
        if (principal.Role == Role.Admin)
        {
            var listed = await storage.ReadModels.ListAccountsAsync(page, context.CancellationToken).ConfigureAwait(false);
            response.Accounts.AddRange(listed.Items);
            response.NextPageToken = listed.NextPageToken;
            return response;
        }
        var skip = (int)(page.TokenAsLong() ?? 0);
        var granted = principal.AccountIds.Order(StringComparer.Ordinal).Skip(skip).Take(page.Size).ToList();
        foreach (var id in granted)
        {
            if (await storage.ReadModels.GetAccountAsync(id, context.CancellationToken).ConfigureAwait(false) is { } account)
                response.Accounts.Add(account);
        }
        if (skip + granted.Count < principal.AccountIds.Count) response.NextPageToken = (skip + granted.Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return response;
    }

    public Task<RiskLimits> UpdateRiskLimits(UpdateRiskLimitsRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        Check(request.Limits is not null, "limits: is required (fields left unset keep their value)");
        Check(RiskSettings.TryFromProto(request.Limits, null, out _) is not { } e ? null : "limits." + e);
        context.SetAuditDetail(request.Limits!.ToString());
        return router.AskAccountAsync<RiskLimits>(request.AccountId, request, context);
    }

    public Task<TradingStateChanged> Halt(HaltRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        Check(request.Mode is TradingState.Halted or TradingState.Reducing, $"mode: must be HALTED or REDUCING (got {request.Mode})");
        Text(request.Reason, "reason", 256);
        context.SetAuditDetail($"mode={request.Mode} cancel_open_orders={request.CancelOpenOrders} flatten={request.Flatten} reason={request.Reason}");
        return router.AskAccountAsync<TradingStateChanged>(request.AccountId, request, context);
    }

    public Task<TradingStateChanged> Resume(ResumeRequest request, ServerCallContext context)
    {
        AccountAccess.Require(context, request.AccountId);
        return router.AskAccountAsync<TradingStateChanged>(request.AccountId, request, context);
    }

    public async Task<ApiKey> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context)
    {
        Text(request.Principal, "principal", 128, required: true);
        Check(request.Role is Role.Admin or Role.Trader or Role.LimitedTrader or Role.Viewer,
            $"role: must be ADMIN, TRADER, LIMITED_TRADER or VIEWER (got {request.Role})");
        for (var i = 0; i < request.AccountIds.Count; i++)
            Check(AccountId.TryParse(request.AccountIds[i], out _), $"account_ids[{i}]: '{request.AccountIds[i]}' is not a valid account id");
        context.SetAuditDetail($"principal={request.Principal} role={RoleNames.Of(request.Role)} accounts=[{string.Join(",", request.AccountIds)}]");
        var issued = await storage.ApiKeys.CreateAsync(request.Principal, request.Role, [.. request.AccountIds.Distinct()], context.CancellationToken)
            .ConfigureAwait(false);
        var key = new ApiKey { KeyId = issued.KeyId, Secret = issued.Key, Principal = issued.Principal, Role = issued.Role };
        key.AccountIds.AddRange(issued.AccountIds);
        return key;
    }

    public async Task<ListAuditEventsResponse> ListAuditEvents(ListAuditEventsRequest request, ServerCallContext context)
    {
        var page = Page(request.PageSize, request.PageToken);
        if (request.AccountId.Length == 0)
        {
            if (context.Principal().Role != Role.Admin)
                throw new RpcException(new Status(StatusCode.PermissionDenied, "only an admin may list the audit events of every account; set account_id"));
        }
        else
        {
            AccountAccess.Require(context, request.AccountId);
        }
        var listed = await storage.ReadModels.ListAuditEventsAsync(request.AccountId, page, context.CancellationToken).ConfigureAwait(false);
        var response = new ListAuditEventsResponse { NextPageToken = listed.NextPageToken };
        response.Events.AddRange(listed.Items);
        return response;
    }
}
