using ActorTrading.Actors.Accounts;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Tests.Accounts;

/// <summary>
/// The account's <c>position</c> child fails: until it has restarted and re-synced, new orders are refused UNAVAILABLE
/// naming it; then it watches the same positions and brackets again (a stop-loss armed before the crash still fires) and
/// the account trades on. Runs on the deterministic dispatcher, one mailbox turn at a time where the order matters.
/// </summary>
public sealed class PositionFailureTests
{
    [Fact]
    public async Task Position_Throws_OrdersRefusedUntilResyncedThenItsStopLossStillFires()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        Assert.Equal(OrderStatus.Accepted, h.Place("bracket", "NSE:TCS", Side.Buy, 10, stopLoss: 3950m, takeProfit: 4200m).Status);
        h.Tick("NSE:TCS", 4000m);
        var held = h.Ask<PortfolioSnapshot>(CoreHarness.Account(), new GetPortfolioRequest { AccountId = "acc-1" });
        Assert.Equal(10m, ProtoDecimal.FromProto(Assert.Single(held.Positions).Quantity));

        var account = h.Core.Cluster.TryGetActivePid(CoreHarness.Account())!;
        h.System.Root.Send(new PID(account.Address, account.Id + "/position"), new PositionSync(null!));   // it cannot handle this
        Assert.True(h.Dispatcher.RunOne());     // the position actor throws; its failure goes to the account (its supervisor)
        Assert.True(h.Dispatcher.RunOne());     // the account learns of it (ChildFailed) and restarts the child
        var during = h.Core.Cluster.RequestAsync<object>(CoreHarness.Account(), CoreHarness.PlaceRequest("during", "NSE:TCS", Side.Buy, 1), CancellationToken.None);
        h.Run();
        var refused = Assert.IsType<CommandFailed>(await during.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(FailureCode.Unavailable, refused.Code);
        Assert.Contains("position is restarting", refused.Message, StringComparison.Ordinal);

        h.Tick("NSE:TCS", 3940m);
        h.Tick("NSE:TCS", 3940m);
        var after = h.Ask<PortfolioSnapshot>(CoreHarness.Account(), new GetPortfolioRequest { AccountId = "acc-1" });
        Assert.Empty(after.Positions);                                              // the restarted child closed it at the stop
        Assert.True(ProtoDecimal.FromProto(after.RealizedPnl) < 0);
        Assert.Equal(OrderStatus.Accepted, h.Place("after", "NSE:TCS", Side.Buy, 1).Status);
    }
}
