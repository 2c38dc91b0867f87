using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Audit;
using ActorTrading.Host.Security;
using ActorTrading.Host.Tests.Support;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;

namespace ActorTrading.Host.Tests.Security;

/// <summary>
/// Every state-changing rpc of the API (RpcPolicy: ChangesState) writes the audit log, whether it succeeds or fails,
/// and no read-only rpc does: one call of each, then one audit entry per state-changing action.
/// </summary>
public sealed class AuditCompletenessTests(TestNodeFixture fixture) : IClassFixture<TestNodeFixture>
{
    private static IEnumerable<string> Paths() => ApiClient.Services.SelectMany(s => s.Methods.Select(m => s.Name + "/" + m.Name));

    private static string Action(string path) => path.Replace('/', '.');

    [Fact]
    public async Task EveryRpc_CalledOnce_AuditedExactlyWhenItChangesState()
    {
        var node = fixture.Node;
        var before = await AuditedActionsAsync();
        var changing = new List<string>();
        foreach (var path in Paths())
        {
            var method = ApiClient.Describe(path);
            if (method.IsServerStreaming || path == "Accounts/ListAuditEvents") continue;    // reads
            if (RpcPolicy.For($"/{method.Service.FullName}/{method.Name}").ChangesState) changing.Add(Action(path));
            try
            {
                if (method.IsClientStreaming) await PublishOneAsync(node);
                else await node.Client.UnaryAny(method, RpcRequests.For(path, TestNode.Own), TestNode.AdminKey);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition) { /* audited as a failure */ }
        }

        var after = await AuditedActionsAsync();
        var added = after.GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count() - before.Count(b => b == g.Key));
        Assert.All(changing, action => Assert.True(added.GetValueOrDefault(action) >= 1, $"{action} changed state but left no audit entry"));
        Assert.All(added.Where(a => a.Value > 0), a => Assert.Contains(a.Key, changing));
        Assert.Contains("Orders.PlaceOrder", changing);
        Assert.Contains("MarketData.PublishTicks", changing);
    }

    private static async Task PublishOneAsync(TestNode node)
    {
        using var call = node.Client.Upload<Tick, PublishTicksResponse>("MarketData/PublishTicks", TestNode.AdminKey);
        var price = new global::ActorTrading.Api.V1.Decimal { Units = 4000 };
        await call.RequestStream.WriteAsync(new Tick { Symbol = "NSE:TCS", Bid = price, Ask = price, Last = price, Volume = 1, Time = Timestamp.FromDateTime(DateTime.UtcNow) });
        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;
    }

    private async Task<List<string>> AuditedActionsAsync()
    {
        await fixture.Node.Node.App.Services.GetRequiredService<AuditTrail>().IdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var page = await fixture.Node.Client.Unary<ListAuditEventsRequest, ListAuditEventsResponse>("Accounts/ListAuditEvents",
            new() { PageSize = 1000 }, TestNode.AdminKey);
        return [.. page.Events.Select(e => e.Action)];
    }
}
