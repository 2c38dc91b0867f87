using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Strategies;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Accounts;

/// <summary>
/// A strategy slower than its symbols never builds a backlog: its mailbox conflates ticks by symbol, so after a burst it
/// sees the latest tick of each symbol once, in the order the symbols first had one pending.
/// </summary>
public sealed class TickConflationTests
{
    private sealed class Recording(List<MarketTick> seen) : IStrategy
    {
        public string Type => "recording";
        public void OnStart(IStrategyContext context) { }
        public void OnTick(MarketTick tick, IStrategyContext context) => seen.Add(tick);
        public void OnBar(ActorTrading.Actors.Model.Bar bar, IStrategyContext context) { }
        public void OnFill(Fill fill, IStrategyContext context) { }
        public SignalOutcome OnSignal(ExternalSignal signal, IStrategyContext context) => SignalOutcome.Reject("no");
    }

    [Fact]
    public async Task BurstOfTicks_StrategyBehind_SeesOnlyTheLatestPerSymbol()
    {
        var seen = new List<MarketTick>();
        var catalog = new StrategyCatalog(StrategyCatalog.Default.All.Append(new StrategyDescriptor("recording", "records ticks", [], _ => new Recording(seen))));
        await using var h = new CoreHarness(o => o with { Strategies = catalog });
        h.CreateAccount();
        var start = new StartStrategyRequest { AccountId = "acc-1", Type = "recording", InstanceName = "slow" };
        start.Symbols.Add("NSE:TCS");
        start.Symbols.Add("NSE:INFY");
        h.Ask<StrategyInstance>(CoreHarness.Account(), start);
        h.Tick("NSE:TCS", 4000m);
        h.Tick("NSE:INFY", 1500m);
        seen.Clear();

        var now = h.Clock.GetUtcNow();
        for (var i = 1; i <= 50; i++)       // both symbols fan out 50 ticks each before the strategy gets a turn
        {
            h.Core.Cluster.Send(TradingCore.SymbolIdentity("NSE:TCS"), new MarketTick(new SymbolId("NSE:TCS"), 3999m + i, 4001m + i, 4000m + i, 10, now, 100 + i));
            h.Core.Cluster.Send(TradingCore.SymbolIdentity("NSE:INFY"), new MarketTick(new SymbolId("NSE:INFY"), 1499m + i, 1501m + i, 1500m + i, 10, now, 100 + i));
        }
        h.Run();

        Assert.Equal(2, seen.Count);
        Assert.Equal(4050m, Assert.Single(seen, t => t.Symbol.Value == "NSE:TCS").Last);
        Assert.Equal(1550m, Assert.Single(seen, t => t.Symbol.Value == "NSE:INFY").Last);
    }
}
