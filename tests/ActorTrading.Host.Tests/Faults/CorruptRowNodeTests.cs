using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Tests.EndToEnd;
using ActorTrading.Host.Tests.Support;

namespace ActorTrading.Host.Tests.Faults;

/// <summary>
/// Issue 5's bad-row fault through a node process: an account event whose payload no longer parses makes that account
/// refuse to activate with an error naming the account and the seq (INTERNAL: retrying cannot help, an operator must
/// repair the row), while every other account of the node keeps trading.
/// </summary>
public sealed class CorruptRowNodeTests
{
    private const string Key = NodeProcess.AdminKey;

    private static Task<NodeProcess> StartAsync(PrivatePostgres pg) =>
        NodeProcess.StartAsync(durable: false, "--node-id", "e2e-corrupt", "--market-hours", "false", "--ConnectionStrings:Postgres", pg.ConnectionString);

    [Fact]
    public async Task EventNoLongerParses_AccountRefusesNamingAccountAndSeq_OthersKeepTrading()
    {
        await using var pg = await PrivatePostgres.StartAsync();
        await using (var first = await StartAsync(pg))
        {
            using var client = new ApiClient(first.GrpcUrl);
            foreach (var id in new[] { "bad", "good" })
            {
                await client.Unary<CreateAccountRequest, Account>("Accounts/CreateAccount", new() { AccountId = id, DisplayName = id, InitialCash = Messages.Dec(1_000_000) }, Key);
                var ack = await client.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Messages.Market(id, "first", Side.Buy, 1), Key);
                Assert.True(ack.Status == OrderStatus.Accepted, ack.ToString());
            }
            Assert.Equal(0, await first.TerminateAsync());
        }
        var seq = await pg.PsqlAsync("SELECT max(seq) FROM account_events WHERE account_id = 'bad'");
        Assert.Equal("0", await pg.PsqlAsync("SELECT count(*) FROM account_snapshots WHERE account_id = 'bad'"));
        await pg.PsqlAsync($"UPDATE account_events SET payload = '\\x00' WHERE account_id = 'bad' AND seq = {seq}");

        await using var second = await StartAsync(pg);
        using var again = new ApiClient(second.GrpcUrl);
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            again.Unary<GetAccountRequest, Account>("Accounts/GetAccount", new() { AccountId = "bad" }, Key));
        Assert.True(refused.StatusCode == StatusCode.Internal, refused.Status.ToString());
        Assert.Contains("'bad'", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains($"seq {seq}", refused.Status.Detail, StringComparison.Ordinal);
        var stillRefused = await Assert.ThrowsAsync<RpcException>(() =>
            again.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Messages.Market("bad", "second", Side.Buy, 1), Key));
        Assert.Equal(StatusCode.Internal, stillRefused.StatusCode);

        Assert.Equal("good", (await again.Unary<GetAccountRequest, Account>("Accounts/GetAccount", new() { AccountId = "good" }, Key)).AccountId);
        var placed = await again.Unary<PlaceOrderRequest, OrderAck>("Orders/PlaceOrder", Messages.Market("good", "second", Side.Buy, 1), Key);
        Assert.True(placed.Status == OrderStatus.Accepted, placed.ToString());
    }
}
