using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Messages;
using ActorTrading.Runtime.Timing;

namespace ActorTrading.Actors.Accounts;

/// <summary>
/// Child <c>position</c>: the account's positions marked to market on every tick of a held symbol, the protective
/// exits (<see cref="ExitWatch"/>: stop-loss, take-profit, trailing, OCO) and the MIS auto square-off. Exits go to the
/// account as <see cref="SubmitIntent"/>; marks as <see cref="PositionMarked"/>, not per tick but when
/// <see cref="MarkReporter"/> says so (a symbol's changed price at most once per portfolio interval, and at once when the
/// account's daily-loss rule would trip, judged from the account's <see cref="LossWatch"/>). The square-off timer runs
/// only while the book holds a position (an idle account costs no timer).
/// </summary>
public sealed class PositionActor(TradingServices services) : IActor
{
    private readonly PositionBook _book = new();
    private readonly ExitWatch _exits = new();
    private HashSet<SymbolId>? _subscribed;   // created with the first position
    private List<ExitIntent>? _scratch;   // created with the first armed bracket
    private MarkReporter? _marks;         // created with the first tick or the first watch with positions
    private List<PositionMarked>? _reports;
    private ScheduledMessage? _squareOffTimer;
    private DateOnly _squaredOff;

    public Task ReceiveAsync(IContext context)
    {
        switch (context.Message)
        {
            case MarketTick t: OnTick(context, t); break;
            case PositionFill f: OnFill(context, f); break;
            case PositionSync s: OnSync(context, s); break;
            case LossWatch w: OnWatch(context, w); break;
            case CheckSquareOff: SquareOff(context); break;
            case Started: context.Send(context.Parent!, new RequestSync("position")); break;
            case Stopping or Restarting: _squareOffTimer?.Dispose(); _squareOffTimer = null; break;
        }
        return Task.CompletedTask;
    }

    private void OnTick(IContext context, MarketTick tick)
    {
        if (!_book.TryGetAny(tick.Symbol)) return;
        _book.Mark(tick.Symbol, tick.Last);
        var reports = _reports ??= new List<PositionMarked>();
        Marks().OnTick(tick.Symbol, tick.Last, services.Time.GetTimestamp(), reports);
        Send(context, reports);
        if (_exits.Count == 0) return;
        (_scratch ??= new List<ExitIntent>()).Clear();
        _exits.OnPrice(tick.Symbol, tick.Last, _scratch);
        foreach (var exit in _scratch) context.Send(context.Parent!, new SubmitIntent(exit.ToOrderIntent(), exit.Reason.ToString().ToLowerInvariant()));
    }

    private void OnWatch(IContext context, LossWatch watch)
    {
        if (_marks is null && watch.Positions.Count == 0) return; // nothing held, nothing reported yet: an idle account stays small
        var reports = _reports ??= new List<PositionMarked>();
        Marks().OnWatch(watch, services.Time.GetTimestamp(), reports);
        Send(context, reports);
    }

    private MarkReporter Marks() =>
        _marks ??= new MarkReporter((long)(services.Options.PortfolioInterval.TotalSeconds * services.Time.TimestampFrequency));

    private static void Send(IContext context, List<PositionMarked> reports)
    {
        if (reports.Count == 0) return;
        foreach (var r in reports) context.Send(context.Parent!, r);
        reports.Clear();
    }

    private void OnFill(IContext context, PositionFill f)
    {
        var position = _book.Apply(f.Fill);
        if (f.Bracket is { } b && position.Quantity != 0)
            _exits.Arm(position.Key, position.Quantity, b.StopLoss, b.TakeProfit, b.TrailingStop, b.ReferencePrice);
        else _exits.OnPositionChanged(position.Key, position.Quantity);
        Subscribe(context, f.Fill.Symbol);
        EnsureSquareOffTimer(context);
    }

    private void EnsureSquareOffTimer(IContext context)
    {
        if (_squareOffTimer is not null || !_book.Open().Any()) return;
        _squareOffTimer = context.System.Scheduler.ScheduleRepeatedly(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), context.Self, CheckSquareOff.Instance);
    }

    private void OnSync(IContext context, PositionSync s)
    {
        foreach (var p in s.Positions)
        {
            var position = _book.Seed(p.Key, p.Quantity, p.AveragePrice, 0);
            if (p.LastPrice > 0) position.Mark(p.LastPrice);
            if (p.Bracket is { } b) _exits.Arm(p.Key, p.Quantity, b.StopLoss, b.TakeProfit, b.TrailingStop, b.ReferencePrice);
            Subscribe(context, p.Key.Symbol);
        }
        EnsureSquareOffTimer(context);
        context.Send(context.Parent!, new ChildReady("position"));
    }

    private void SquareOff(IContext context)
    {
        var now = services.Time.GetUtcNow();
        var day = DateOnly.FromDateTime(services.Options.Calendar.LocalTime(now));
        if (day == _squaredOff) return;
        (_scratch ??= new List<ExitIntent>()).Clear();
        if (AutoSquareOff.Collect(services.Options.Calendar, now, _book.Open(), _scratch) == 0) return;
        _squaredOff = day;
        foreach (var exit in _scratch)
        {
            _exits.Disarm(exit.Key);
            context.Send(context.Parent!, new SubmitIntent(exit.ToOrderIntent(), "squareoff"));
        }
    }

    private void Subscribe(IContext context, SymbolId symbol)
    {
        if ((_subscribed ??= new HashSet<SymbolId>()).Add(symbol)) services.Cluster.Request(TradingCore.SymbolIdentity(symbol.Value), new SubscribeTicks(), context.Self);
    }
}
