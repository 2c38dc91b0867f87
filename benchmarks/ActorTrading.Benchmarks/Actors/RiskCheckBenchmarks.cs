using ActorTrading.Actors.Accounts;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Api.V1;
using BenchmarkDotNet.Attributes;

namespace ActorTrading.Benchmarks.Actors;

/// <summary>
/// The risk child's work per intent: an <see cref="AccountView"/> turned into a <see cref="RiskSnapshot"/> and evaluated
/// by the <see cref="RiskEngine"/> (reservation made and released), against evaluating a prebuilt snapshot (baseline).
/// </summary>
[MemoryDiagnoser]
public class RiskCheckBenchmarks
{
    private readonly RiskEngine _engine = new(MarketCalendar.Nse(), TimeProvider.System);
    private AccountView _view = null!;
    private RiskSnapshot _snapshot = null!;
    private Dictionary<SymbolId, decimal> _last = null!;
    private OrderRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        var limits = RiskSettings.Default with { EnforceMarketHours = false, OrdersPerSecond = 100_000_000, OrderBurst = 100_000_000, MaxOrdersPerDay = int.MaxValue };
        var symbol = new SymbolId("NSE:TCS");
        _last = new Dictionary<SymbolId, decimal> { [symbol] = 4000m };
        _view = new AccountView(new AccountId("bench"), TradingState.Active, 1_000_000m, 1_000_000m, 1_000_000m, 0m, [], [], 0, 0, limits,
            _last, [], false);
        _snapshot = _view.ToSnapshot(InstrumentCatalog.Default) with { LastPrices = _last };
        _request = new OrderRequest
        {
            Account = new AccountId("bench"), ClientOrderId = new ClientOrderId("c1"), Symbol = symbol, Side = Side.Buy, Quantity = 1,
        };
    }

    [Benchmark(Baseline = true)]
    public bool EvaluatePrebuiltSnapshot()
    {
        var d = _engine.Evaluate(_request, _snapshot);
        _engine.Release(_request.ClientOrderId);
        return d.Approved;
    }

    [Benchmark]
    public bool EvaluateFromView()
    {
        var d = _engine.Evaluate(_request, _view.ToSnapshot(InstrumentCatalog.Default) with { LastPrices = _last });
        _engine.Release(_request.ClientOrderId);
        return d.Approved;
    }
}
