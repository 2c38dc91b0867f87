using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Actors.Strategies;
using ActorTrading.Actors.Tests.Support;
using ActorTrading.Api.V1;
using static ActorTrading.Actors.Tests.Support.TestData;

namespace ActorTrading.Actors.Tests.Pipeline;

/// <summary>
/// A single-threaded stand-in for the account's actor tree, wiring the domain pieces the way DESIGN.md §3 does:
/// tick → paper exchange, marks, exit watch, bars → strategy → intent → risk → order book → broker → reports →
/// order book + positions (+ bracket arming). It exists to prove the pieces fit; the real actors come later.
/// </summary>
internal sealed class MiniAccount : IStrategyContext
{
    private readonly ManualTimeProvider _time;
    private readonly RiskEngine _risk;
    private readonly PaperBroker _broker;
    private readonly IStrategy _strategy;
    private readonly Dictionary<SymbolId, BarBuilder> _bars = new();
    private readonly Dictionary<SymbolId, decimal> _last = new();
    private readonly List<ExitIntent> _exits = [];
    private int _clientSequence, _tradesToday;

    public MiniAccount(ManualTimeProvider time, IStrategy strategy, decimal cash, params SymbolId[] symbols)
    {
        _time = time;
        _strategy = strategy;
        Cash = cash;
        Symbols = symbols;
        _risk = new RiskEngine(MarketCalendar.Nse(), time);
        _broker = new PaperBroker(InstrumentCatalog.Default, time, new PaperBrokerOptions { InitialCash = cash });
        foreach (var s in symbols) _bars[s] = new BarBuilder(s);
        _strategy.OnStart(this);
    }

    public OrderBook Orders { get; } = new(TestData.Account);
    public PositionBook Positions { get; } = new();
    public ExitWatch Exits { get; } = new();
    public List<RiskDenial> Denials { get; } = [];
    public decimal Cash { get; private set; }
    
    public DateTimeOffset Now => _time.GetUtcNow();
    public IReadOnlyList<SymbolId> Symbols { get; }
    public decimal MinRewardRisk => RiskSettings.Default.MinRewardRisk;
    public bool TryGetInstrument(SymbolId symbol, out InstrumentSpec instrument) => InstrumentCatalog.Default.TryGet(symbol, out instrument);
    public decimal PositionQuantity(SymbolId symbol) => Positions.NetQuantity(symbol);
    public decimal LastPrice(SymbolId symbol) => _last.GetValueOrDefault(symbol);

    public void OnTick(MarketTick tick)
    {
        _time.SetUtcNow(tick.Time);
        _last[tick.Symbol] = tick.Last;
        _broker.OnTick(tick);
        ApplyReports();
        Positions.Mark(tick.Symbol, tick.Last);
        _exits.Clear();
        Exits.OnPrice(tick.Symbol, tick.Last, _exits);
        foreach (var exit in _exits) Submit(exit.ToOrderIntent());
        if (_bars[tick.Symbol].OnTick(tick) is { } bar) _strategy.OnBar(bar, this);
    }

    public void Submit(OrderIntent intent)
    {
        var request = intent.ToRequest(TestData.Account, new ClientOrderId($"s-{++_clientSequence}"), _strategy.Type);
        var decision = _risk.Evaluate(request, Snapshot());
        if (!decision.Approved) { Denials.Add(decision.Denial!); Orders.Deny(request, decision.Denial!.Reason, decision.Denial.Message, Now); return; }
        var order = Orders.Accept(request with { Quantity = decision.Quantity }, Now).Order;
        if (!decision.Reduces) _tradesToday++;
        var ack = _broker.PlaceOrderAsync(BrokerOrder.From(order)).GetAwaiter().GetResult();
        if (!ack.IsSuccess) Orders.Reject(order.OrderId, ack.Error!.Message, Now);
        ApplyReports();
    }

    private void ApplyReports()
    {
        while (_broker.ExecutionReports.TryRead(out var r))
        {
            if (!Orders.TryGet(r.ClientOrderId, out var order)) continue;
            if (r.IsFill)
            {
                Orders.Fill(order.OrderId, r.LastQuantity, r.LastPrice, r.Time);
                var position = Positions.Apply(new Fill(r.TradeId!, order.OrderId, order.Symbol, order.Side, order.Request.Product, r.LastQuantity, r.LastPrice, r.Fees, r.Time));
                Cash += (order.Side == Side.Buy ? -r.LastQuantity : r.LastQuantity) * r.LastPrice - r.Fees;
                if (order.Request.StopLoss.HasValue || order.Request.TakeProfit.HasValue || order.Request.TrailingStop.HasValue)
                    Exits.Arm(position.Key, position.Quantity, order.Request.StopLoss, order.Request.TakeProfit, order.Request.TrailingStop, r.LastPrice);
                else Exits.OnPositionChanged(position.Key, position.Quantity);
            }
            else if (r.Status == OrderStatus.Open) Orders.Open(order.OrderId, r.Time);
            else if (r.Status == OrderStatus.Canceled) Orders.ConfirmCancel(order.OrderId, r.Time);
            if (Orders.TryGet(r.ClientOrderId, out var now) && now.IsTerminal) _risk.Release(r.ClientOrderId);
        }
    }

    private RiskSnapshot Snapshot() => RiskSnapshotFactory.Create(TestData.Account, TradingState.Active, Cash, 1_000_000m, Positions, Orders,
        new DateTimeOffset(MarketOpen.UtcDateTime.Date, TimeSpan.Zero), _tradesToday, RiskSettings.Default, new Dictionary<SymbolId, decimal>(_last), InstrumentCatalog.Default);
}
