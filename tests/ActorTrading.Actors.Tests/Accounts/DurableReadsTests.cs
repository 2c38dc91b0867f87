using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;

namespace ActorTrading.Actors.Tests.Accounts;

/// <summary>
/// Reads never run ahead of the journal: while an account's decided orders are still being appended, GetOrder, ListOrders
/// and GetPortfolio answer once what they show is durable (built from the state as of the request), and answer
/// UNAVAILABLE if that append fails, so no client ever sees an order the journal then does not have.
/// </summary>
public sealed class DurableReadsTests
{
    private static CoreHarness Ready()
    {
        var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        h.Place("warm", "NSE:TCS", Side.Buy, 1, OrderType.Limit, limit: 3900m);
        return h;
    }

    [Fact]
    public async Task GetOrderAndListOrders_AcceptanceNotDurableYet_AnsweredOnceItIs()
    {
        await using var h = Ready();
        h.Journal.Hold = true;
        var placed = h.Request(CoreHarness.PlaceRequest("c1", "NSE:TCS", Side.Buy, 5, OrderType.Limit, 3950m));
        h.Run();
        var list = h.Request(new ListOrdersRequest { AccountId = "acc-1" });
        var portfolio = h.Request(new GetPortfolioRequest { AccountId = "acc-1" });
        h.Run();
        Assert.False(placed.IsCompleted || list.IsCompleted || portfolio.IsCompleted);

        h.Journal.CommitHeld();
        h.Run();
        var ack = Assert.IsType<OrderAck>(await placed.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(["c1", "warm"], Assert.IsType<ListOrdersResponse>(await list.WaitAsync(TimeSpan.FromSeconds(30))).Orders.Select(o => o.ClientOrderId));
        Assert.Equal("acc-1", Assert.IsType<PortfolioSnapshot>(await portfolio.WaitAsync(TimeSpan.FromSeconds(30))).AccountId);
        h.Journal.Hold = false;
        h.Journal.CommitHeld();   // the broker's acknowledgement of c1, staged once c1 was sent
        Assert.Equal("c1", h.Ask<Order>(CoreHarness.Account(), new GetOrderRequest { AccountId = "acc-1", OrderId = ack.OrderId }).ClientOrderId);
    }

    [Fact]
    public async Task GetOrder_AppendThenFails_UnavailableAndTheOrderNeverExisted()
    {
        await using var h = Ready();
        h.Journal.Hold = true;
        var placed = h.Request(CoreHarness.PlaceRequest("lost", "NSE:TCS", Side.Buy, 5, OrderType.Limit, 3950m));
        h.Run();
        var listed = h.Request(new ListOrdersRequest { AccountId = "acc-1" });
        h.Run();
        Assert.False(listed.IsCompleted);

        h.Journal.FailHeld();
        h.Run();
        Assert.Equal(FailureCode.Unavailable, Assert.IsType<CommandFailed>(await placed.WaitAsync(TimeSpan.FromSeconds(30))).Code);
        var refused = Assert.IsType<CommandFailed>(await listed.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(FailureCode.Unavailable, refused.Code);
        Assert.Contains("retry", refused.Message, StringComparison.Ordinal);

        h.Journal.Hold = false;
        var after = h.Ask<ListOrdersResponse>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1" });
        Assert.Equal(["warm"], after.Orders.Select(o => o.ClientOrderId));
    }

    [Fact]
    public async Task GetAccount_NothingStaged_AnsweredInTheSameTurn()
    {
        await using var h = Ready();
        h.Journal.Hold = true;   // nothing is being appended: a read does not wait for anything
        var read = h.Request(new GetAccountRequest { AccountId = "acc-1" });
        h.Run();
        Assert.Equal("acc-1", Assert.IsType<Account>(await read.WaitAsync(TimeSpan.FromSeconds(30))).AccountId);
        Assert.Equal(0, h.Journal.HeldCount);
    }
}
