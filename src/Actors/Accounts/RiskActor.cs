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
/// The account sends no view per price mark, and risk receives no ticks: at decision time it reads the node's last tick
/// of the order's symbol and of every symbol it holds (<see cref="TickBoard"/>, published by the symbol actors) and
/// re-marks the view's positions, equity and day P&amp;L itself (<see cref="RiskMarking"/>). A price hint carried by the
/// intent (the tick the strategy acted on) still wins for the order's own symbol.
/// </summary>
public sealed class RiskActor(TradingServices services) : IActor
{
    private readonly Dictionary<SymbolId, decimal> _last = new();
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
        else if (services.Ticks.TryGetLast(m.Request.Symbol, out var tick)) _last[m.Request.Symbol] = tick.Last;
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

    /// <summary>The view with risk's last prices, its positions re-marked to this node's last ticks (never older than the
    /// view's prices: the account's marks come from the same symbol actors, after the board was written).</summary>
    private RiskSnapshot Snapshot() =>
        RiskMarking.Remark(_view!.ToSnapshot(services.Options.Instruments) with { LastPrices = _last }, services.Ticks, static (board, symbol) =>
            board.TryGetLast(symbol, out var tick) ? (true, tick.Last) : (false, 0m));

    private void OnView(IContext context, AccountView view)
    {
        var first = _view is null;
        _view = view;
        foreach (var (symbol, price) in view.LastPrices) _last.TryAdd(symbol, price);
        foreach (var id in view.Released) _evaluator.Release(id);
        if (first) context.Send(context.Parent!, new ChildReady("risk"));
    }

    /// <summary>
    /// Risk needs the last price of the symbols it checks (price band, notional of market orders): an order of a symbol
    /// with no tick on this node yet waits for the symbol actor's quote (later ones queue behind it).
    /// </summary>
    private void Park(IContext context, EvaluateOrder m)
    {
        var symbol = m.Request.Symbol;
        _parked ??= new Dictionary<SymbolId, List<EvaluateOrder>>();
        if (_parked.TryGetValue(symbol, out var waiting)) { waiting.Add(m); return; }
        _parked[symbol] = [m];
        services.Cluster.Request(TradingCore.SymbolIdentity(symbol.Value), new QuoteRequest(symbol), context.Self);
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
