using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Audit;
using ActorTrading.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static ActorTrading.Host.Tests.Support.Messages;

namespace ActorTrading.Host.Tests.Security;

/// <summary>State-changing calls and refusals are in the audit log: principal, action, account, outcome, detail.</summary>
public sealed class AuditTests(TestNodeFixture fixture) : IClassFixture<TestNodeFixture>
{
    private async Task<List<AuditEvent>> AuditAsync()
    {
        await fixture.Node.Node.App.Services.GetRequiredService<AuditTrail>().IdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var page = await fixture.Node.Client.Unary<ListAuditEventsRequest, ListAuditEventsResponse>("Accounts/ListAuditEvents",
            new() { AccountId = TestNode.Own, PageSize = 1000 }, TestNode.AdminKey);
        return [.. page.Events];
    }

    [Fact]
    public async Task PlaceOrder_Succeeded_IsAuditedWithPrincipalOutcomeAndDetail()
    {
        await fixture.Node.Client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Market(TestNode.Own, "audit-1", Side.Buy, 1), fixture.Node.Keys[Role.Trader]);
        var e = Assert.Single(await AuditAsync(), e => e.Detail.Contains("client_order_id=audit-1", StringComparison.Ordinal));
        Assert.Equal("Orders.PlaceOrder", e.Action);
        Assert.Equal("p-Trader", e.Principal);
        Assert.Equal(TestNode.Own, e.AccountId);
        Assert.Equal("OK", e.Outcome);
    }

    [Fact]
    public async Task Halt_ByAViewer_IsAuditedAsPermissionDenied()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => fixture.Node.Client.Unary<HaltRequest, TradingStateChanged>("Accounts/Halt",
            new() { AccountId = TestNode.Own, Mode = TradingState.Halted }, fixture.Node.Keys[Role.Viewer]));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        // The trail writes off the call path: wait until what was handed in (the refusal, before its answer) is written.
        await fixture.Node.Node.App.Services.GetRequiredService<AuditTrail>().IdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var all = await fixture.Node.Client.Unary<ListAuditEventsRequest, ListAuditEventsResponse>("Accounts/ListAuditEvents", new() { PageSize = 1000 }, TestNode.AdminKey);
        Assert.Contains(all.Events, e => e.Action == "Accounts.Halt" && e.Principal == "p-Viewer" && e.Outcome == "PERMISSIONDENIED");
    }

    [Fact]
    public async Task GetAccount_ReadOnly_IsNotAudited()
    {
        var before = (await AuditAsync()).Count;
        await fixture.Node.Client.Unary<GetAccountRequest, Account>("Accounts/GetAccount", new() { AccountId = TestNode.Own }, fixture.Node.Keys[Role.Viewer]);
        Assert.Equal(before, (await AuditAsync()).Count);
    }

    [Fact]
    public async Task ListAuditEvents_AllAccountsByNonAdmin_IsPermissionDenied()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => fixture.Node.Client.Unary<ListAuditEventsRequest, ListAuditEventsResponse>(
            "Accounts/ListAuditEvents", new(), fixture.Node.Keys[Role.Trader]));
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
    }
}
