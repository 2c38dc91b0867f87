using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ActorTrading.Actors.Diagnostics;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Strategies;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;

namespace ActorTrading.Actors.Tests.Diagnostics;

public sealed class TickToOrderInstrumentsTests
{
    /// <summary>Buys one share on every tick.</summary>
    private sealed class BuyEveryTick : IStrategy
    {
        public string Type => "buy_every_tick";
        public void OnStart(IStrategyContext context) { }
        public void OnTick(MarketTick tick, IStrategyContext context) =>
            context.Submit(new OrderIntent { Symbol = tick.Symbol, Side = Side.Buy, Quantity = 1, Reason = "every tick" });
        public void OnBar(ActorTrading.Actors.Model.Bar bar, IStrategyContext context) { }
        public void OnFill(Fill fill, IStrategyContext context) { }
        public SignalOutcome OnSignal(ExternalSignal signal, IStrategyContext context) => SignalOutcome.Reject("takes no signals");
    }

    [Fact]
    public async Task StrategyOrder_ReachesBroker_RecordsTickToOrderLatency()
    {
        var seen = new ConcurrentQueue<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TickToOrderInstruments.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => seen.Enqueue(value));
        listener.Start();
        var catalog = new StrategyCatalog(StrategyCatalog.Default.All.Append(new StrategyDescriptor("buy_every_tick", "buys", [], _ => new BuyEveryTick())));
        await using var h = new CoreHarness(o => o with { Strategies = catalog });
        h.CreateAccount();
        var start = new StartStrategyRequest { AccountId = "acc-1", Type = "buy_every_tick", InstanceName = "buyer" };
        start.Symbols.Add("NSE:TCS");
        h.Ask<StrategyInstance>(CoreHarness.Account(), start);
        var before = seen.Count;

        h.Tick("NSE:TCS", 4000m);

        var orders = h.Ask<ListOrdersResponse>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1" });
        Assert.Contains(orders.Orders, o => o.Strategy == "buyer" && o.Status != OrderStatus.Denied);
        Assert.True(seen.Count > before, "no tick-to-order measurement after a strategy order reached the broker");
        Assert.All(seen, v => Assert.InRange(v, 0, 60));
    }
}
