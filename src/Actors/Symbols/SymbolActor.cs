using ActorTrading.Actors.Accounts;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Actors.Symbols;

/// <summary>
/// Kind <c>symbol</c> (id <c>EXCHANGE:SYMBOL</c>): the last tick, 1-minute bars and the subscribers of one instrument.
/// Fan-out sends the same immutable <see cref="MarketTick"/> to every subscriber (nothing allocated per subscriber);
/// subscribers are watched and dropped when they stop. The last quote goes to the shared quote cache.
/// </summary>
public sealed class SymbolActor(TradingServices services) : IActor
{
    private readonly List<PID> _subscribers = new();
    private readonly Queue<Model.Bar> _bars = new();
    private SymbolId _symbol;
    private BarBuilder _builder = null!;
    private MarketTick? _last;
    private TickBoard.Cell _board = null!;
    private PID[] _fanout = [];
    private bool _fanoutDirty;

    public int SubscriberCount => _subscribers.Count;

    public Task ReceiveAsync(IContext context)
    {
        switch (context.Message)
        {
            case MarketTick t: OnTick(t); break;
            case Tick t: OnApiTick(context, t); break;
            case SubscribeTicks: Subscribe(context); break;
            case UnsubscribeTicks: Unsubscribe(context); break;
            case Terminated m: Remove(m.Who); break;
            case GetQuoteRequest: Quote(context); break;
            case QuoteRequest: if (context.Sender is { } asker) context.Send(asker, new QuoteReply(_symbol, _last)); break;
            case GetBarsRequest m: Bars(context, m); break;
            case Diagnostics.CountSubscribers: if (context.Sender is { } counter) context.Send(counter, new Diagnostics.SubscriberCount(_subscribers.Count)); break;
            case Started:
                _symbol = SymbolId.TryParse(context.ClusterIdentity?.Identity, out var s) ? s : new SymbolId("SIM:UNKNOWN");
                _builder = new BarBuilder(_symbol);
                _board = services.Ticks.CellOf(_symbol);
                break;
        }
        return Task.CompletedTask;
    }

    private void OnTick(MarketTick tick)
    {
        if (tick.Symbol != _symbol) return;
        if (_last is not null && tick.Sequence != 0 && tick.Sequence <= _last.Sequence && tick.Time <= _last.Time) return;
        _last = tick;
        _board.Publish(tick); // before the fan-out: whoever decides on a later message sees this tick or a newer one
        if (Diagnostics.TickToOrderInstruments.Enabled) tick.MarkArrived(Diagnostics.TickToOrderInstruments.Stamp());
        if (_builder.OnTick(tick) is { } bar) AddBar(bar);
        if (_fanoutDirty) { _fanout = [.. _subscribers]; _fanoutDirty = false; }
        var system = services.Cluster.System;
        foreach (var pid in _fanout) pid.SendUserMessage(system, tick);
        if (services.Options.Quotes is { } quotes) _ = CacheAsync(quotes, tick);
    }

    private static async Task CacheAsync(Ports.IQuoteCache quotes, MarketTick tick)
    {
        try { await quotes.SetAsync(tick.ToProto()).ConfigureAwait(false); }
        catch (Exception) { /* a cache: a failed write is a future miss */ }
    }

    private void OnApiTick(IContext context, Tick t)
    {
        var problem = ApiConversions.TryFromProto(t, out var tick);
        if (problem is not null || tick!.Symbol != _symbol)
        {
            var failure = problem is null ? Failures.Invalid("symbol", $"tick for {t.Symbol} sent to symbol {_symbol}") : Failures.FromValidation(problem, "symbol");
            if (context.Sender is { } s) context.Send(s, failure);
            return;
        }
        OnTick(tick);
        if (context.Sender is { } sender) context.Send(sender, new PublishTicksResponse { Accepted = 1 });
    }

    private void AddBar(Model.Bar bar)
    {
        _bars.Enqueue(bar);
        while (_bars.Count > services.Options.BarsKept) _bars.Dequeue();
    }

    private void Subscribe(IContext context)
    {
        if (context.Sender is not { } sender) return;
        var added = IndexOf(sender) < 0;
        if (added)
        {
            _subscribers.Add(sender);
            _fanoutDirty = true;
            context.Watch(sender);
        }
        context.Send(sender, new SubscriptionConfirmed());
        if (added && _last is not null) context.Send(sender, _last);
    }

    private void Unsubscribe(IContext context)
    {
        if (context.Sender is not { } sender) return;
        if (Remove(sender)) context.Unwatch(sender);
        context.Send(sender, new SubscriptionConfirmed());
    }

    /// <summary>
    /// The subscriber's position, comparing the PIDs' cached hash codes first: a linear scan of a few nanoseconds per
    /// subscriber, and no hash set beside the list (one kept ~290 B per subscriber of 100,000 on the idle-account
    /// benchmark's heap, more than the whole scan costs; subscriptions are rare next to ticks).
    /// </summary>
    private int IndexOf(PID pid)
    {
        var hash = pid.GetHashCode();
        for (var i = 0; i < _subscribers.Count; i++)
        {
            var s = _subscribers[i];
            if (ReferenceEquals(s, pid) || (s.GetHashCode() == hash && s.Equals(pid))) return i;
        }
        return -1;
    }

    private bool Remove(PID pid)
    {
        var index = IndexOf(pid);
        if (index < 0) return false;
        _subscribers.RemoveAt(index);
        _fanoutDirty = true;
        return true;
    }

    private void Quote(IContext context)
    {
        if (context.Sender is not { } sender) return;
        context.Send(sender, _last is null ? Failures.NotFound($"no tick for {_symbol} yet", "symbol") : _last.ToProto());
    }

    private void Bars(IContext context, GetBarsRequest m)
    {
        if (context.Sender is not { } sender) return;
        var from = m.From?.ToDateTimeOffset() ?? DateTimeOffset.MinValue;
        var to = m.To?.ToDateTimeOffset() ?? DateTimeOffset.MaxValue;
        if (from > to) { context.Send(sender, Failures.Invalid("from", "from must not be after to")); return; }
        var response = new GetBarsResponse();
        foreach (var b in _bars) if (b.Start >= from && b.Start < to) response.Bars.Add(b.ToProto());
        context.Send(sender, response);
    }
}
