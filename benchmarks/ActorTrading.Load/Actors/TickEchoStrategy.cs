using ActorTrading.Actors.Model;
using ActorTrading.Actors.Strategies;
using ActorTrading.Api.V1;

namespace ActorTrading.Load.Actors;

/// <summary>
/// The tick-to-order benchmark's strategy: a LIMIT order at the tick's last price on every tick, alternating sides. The
/// benchmark encodes each tick's sequence in its price, so the broker knows which tick an order answers (conflated ticks
/// are simply never answered instead of skewing the pairing).
/// </summary>
public sealed class TickEchoStrategy : IStrategy
{
    public const string Name = "tick_echo";
    public const decimal Base = 3000m, Step = 0.05m;
    public const int Window = 20_000;

    private bool _buy = true;

    public static StrategyCatalog Catalog { get; } = new(StrategyCatalog.Default.All.Append(
        new StrategyDescriptor(Name, "limit order at every tick's price (benchmark)", [], _ => new TickEchoStrategy())));

    public static decimal PriceOf(long sequence) => Base + sequence % Window * Step;

    public static int ResidueOf(decimal price) => (int)((price - Base) / Step);

    public string Type => Name;
    public void OnStart(IStrategyContext context) { }

    public void OnTick(MarketTick tick, IStrategyContext context)
    {
        context.Submit(new OrderIntent { Symbol = tick.Symbol, Side = _buy ? Side.Buy : Side.Sell, Type = OrderType.Limit, LimitPrice = tick.Last, Quantity = 1 });
        _buy = !_buy;
    }

    public void OnBar(ActorTrading.Actors.Model.Bar bar, IStrategyContext context) { }
    public void OnFill(Fill fill, IStrategyContext context) { }
    public SignalOutcome OnSignal(ExternalSignal signal, IStrategyContext context) => SignalOutcome.Reject("no signals");
}
