using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Actors.Symbols;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Actors.Accounts;

/// <summary>
/// Child <c>risk</c>: runs the pre-trade checks one intent at a time over the account's latest <see cref="AccountView"/>,
/// with reservations (an approved order is reserved until the account's view shows it), so two concurrent intents never
/// both pass a limit only one fits. After a (re)start it answers <see cref="RiskUnavailable"/> until re-synced.
/// The account sends no view per price mark: risk follows the ticks of every symbol it holds a position in and re-marks
/// the view's positions, equity and day P&amp;L itself at decision time (<see cref="RiskMarking"/>).
/// </summary>
public sealed class RiskActor(TradingServices services) : IActor
{
    private readonly Dictionary<SymbolId, decimal> _last = new();
    private HashSet<SymbolId>? _subscribed;                       // created with the first symbol risk has to ask for
    private HashSet<SymbolId>? _ticked;                           // symbols risk has received a tick of (its price is fresh)
    private Dictionary<SymbolId, List<EvaluateOrder>>? _parked;   // created with the first parked intent
    private IRiskEvaluator _evaluator = null!;
    private AccountView? _view;

    public Task ReceiveAsync(IContext context)
    {
        switch (context.Message)
        {
            case EvaluateOrder m: Evaluate(context, m); break;
            case EvaluateModify m: EvaluateModification(context, m); break;
            case AccountView v: OnView(context, v); break;
            case MarketTick t: OnTick(t); break;
            case QuoteReply q: OnQuote(context, q); break;
            case Started:
                _evaluator = services.CreateRiskEvaluator();
                _view = null;
                context.Send(context.Parent!, new RequestSync("risk"));
                break;
            case SubscriptionConfirmed or Stopping or Stopped or Restarting: break;
        }
        return Task.CompletedTask;
    }

    private void Evaluate(IContext context, EvaluateOrder m)
    {
        var parent = context.Parent!;
        if (_view is null || _view.Blocked)
        {
            context.Send(parent, new RiskUnavailable(m.Request, m.ReplyTo, _view is null ? "risk is re-syncing with the account" : "position is restarting"));
            return;
        }
        if (m.LastPrice is { } hint && hint > 0) _last[m.Request.Symbol] = hint;
        else if (!_last.ContainsKey(m.Request.Symbol) && !m.BypassRisk) { Park(context, m); return; }
        Decide(context, m);
    }

    private void Decide(IContext context, EvaluateOrder m)
    {
        var parent = context.Parent!;
        var decision = m.BypassRisk
            ? RiskDecision.Approve(m.Request.Quantity, reduces: true)
            : _evaluator.Evaluate(m.Request, Snapshot());
        context.Send(parent, new RiskEvaluated(m.Request, decision, m.ReplyTo, m.TickArrivedAt));
    }

    /// <summary>A modification of an open order: checked at once (the order's symbol has a price unless it was a bypass exit).</summary>
    private void EvaluateModification(IContext context, EvaluateModify m)
    {
        if (_view is null || _view.Blocked)
        {
            context.Send(context.Parent!, new ModifyEvaluated(m, null, _view is null ? "risk is re-syncing with the account" : "position is restarting"));
            return;
        }
        var snapshot = Snapshot();
        context.Send(context.Parent!, new ModifyEvaluated(m, _evaluator.EvaluateModify(m.Current, m.CurrentRemaining, m.Modified, snapshot)));
    }

    private void OnTick(MarketTick t)
    {
        _last[t.Symbol] = t.Last;
        if (_ticked is null || !_ticked.Contains(t.Symbol)) (_ticked ??= new HashSet<SymbolId>()).Add(t.Symbol);
    }

    /// <summary>The view with risk's last prices, its positions re-marked to the ticks risk has received since.</summary>
    private RiskSnapshot Snapshot() =>
        RiskMarking.Remark(_view!.ToSnapshot(services.Options.Instruments) with { LastPrices = _last }, this, static (risk, symbol) =>
            risk._ticked is not null && risk._ticked.Contains(symbol) && risk._last.TryGetValue(symbol, out var price) ? (true, price) : (false, 0m));

    private void OnView(IContext context, AccountView view)
    {
        var first = _view is null;
        _view = view;
        foreach (var (symbol, price) in view.LastPrices) _last.TryAdd(symbol, price);
        foreach (var p in view.Positions) Subscribe(context, p.Symbol);
        foreach (var id in view.Released) _evaluator.Release(id);
        if (first) context.Send(context.Parent!, new ChildReady("risk"));
    }

    /// <summary>
    /// Risk needs the last price of the symbols it checks (price band, notional of market orders): the first order of
    /// an unseen symbol waits for the symbol actor's quote (later ones queue behind it), then risk follows its ticks.
    /// </summary>
    private void Park(IContext context, EvaluateOrder m)
    {
        var symbol = m.Request.Symbol;
        _parked ??= new Dictionary<SymbolId, List<EvaluateOrder>>();
        if (_parked.TryGetValue(symbol, out var waiting)) { waiting.Add(m); return; }
        _parked[symbol] = [m];
        Subscribe(context, symbol);
        services.Cluster.Request(TradingCore.SymbolIdentity(symbol.Value), new QuoteRequest(symbol), context.Self);
    }

    /// <summary>Follows the ticks of <paramref name="symbol"/> (once): for order prices and for re-marking its positions.</summary>
    private void Subscribe(IContext context, SymbolId symbol)
    {
        if ((_subscribed ??= new HashSet<SymbolId>()).Add(symbol))
            services.Cluster.Request(TradingCore.SymbolIdentity(symbol.Value), new SubscribeTicks(), context.Self);
    }

    private void OnQuote(IContext context, QuoteReply reply)
    {
        if (reply.Last is { } last) _last.TryAdd(reply.Symbol, last.Last);
        if (_parked is null || !_parked.Remove(reply.Symbol, out var parked)) return;
        foreach (var p in parked)
        {
            if (_view is null || _view.Blocked) context.Send(context.Parent!, new RiskUnavailable(p.Request, p.ReplyTo, "risk is re-syncing"));
            else Decide(context, p);
        }
    }
}
