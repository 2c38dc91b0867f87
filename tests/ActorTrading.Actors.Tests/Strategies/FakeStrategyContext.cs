using ActorTrading.Actors.Model;
using ActorTrading.Actors.Strategies;

namespace ActorTrading.Actors.Tests.Strategies;

internal sealed class FakeStrategyContext : IStrategyContext
{
    public FakeStrategyContext(params SymbolId[] symbols) => Symbols = symbols;

    public DateTimeOffset Now { get; set; } = Support.TestData.MarketOpen;
    public IReadOnlyList<SymbolId> Symbols { get; }
    public Dictionary<SymbolId, decimal> Positions { get; } = new();
    public Dictionary<SymbolId, decimal> Prices { get; } = new();
    public decimal MinRewardRisk { get; set; } = 2.5m;
    public List<OrderIntent> Submitted { get; } = [];

    public bool TryGetInstrument(SymbolId symbol, out InstrumentSpec instrument) => InstrumentCatalog.Default.TryGet(symbol, out instrument);
    public decimal PositionQuantity(SymbolId symbol) => Positions.GetValueOrDefault(symbol);
    public decimal LastPrice(SymbolId symbol) => Prices.GetValueOrDefault(symbol);
    public void Submit(OrderIntent intent) => Submitted.Add(intent);
}
