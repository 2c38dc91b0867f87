using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Ports;
using ActorTrading.Events.V1;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Actors.Accounts;

/// <summary>
/// Pipelined journaling for the hot paths (risk's answer to a new order, the gateway's reports): the events are applied
/// to the state at once (so every later message sees them, as if the append had been synchronous), and the journal
/// writes them in the background while the mailbox goes on. At most one append per account is in flight; events staged
/// meanwhile wait in <see cref="_queued"/> and go out together as the next append when it completes, so the journal
/// receives them in seq order with no gap. Whatever the outside world may see of them — replies, the order sent to the
/// gateway, order events, children's notifications — runs only once they are durable (<see cref="Staged.OnDurable"/>).
/// A failed append poisons the state (it holds events that are not in the journal): the account fails everything staged
/// and waiting, answers UNAVAILABLE to everything else and stops itself; the next activation recovers exactly what was
/// durable. The other commands (<see cref="PersistAsync"/>) first wait until the pipeline is empty.
/// Gateway reports do not start an append themselves (<see cref="Stage"/> with <c>defer</c>): they post the account a
/// <see cref="FlushJournal"/> and start it when that arrives, so the reports already in the mailbox (a broker's
/// acknowledgement and the fill right behind it) share one append and one commit instead of one each. A new order's
/// decision never waits for that: it starts the append at once and takes the deferred reports along (they are older,
/// so they keep their seqs in front of it).
/// </summary>
public sealed partial class AccountActor
{
    /// <summary>One staged append: its events (already applied) and what to do once they are durable or lost.</summary>
    private sealed class Staged(long firstSeq, List<AccountEvent> events, bool deferred)
    {
        public long FirstSeq { get; } = firstSeq;
        public bool Deferred { get; } = deferred;
        public List<AccountEvent> Events { get; } = events;
        public Action<IContext>? OnDurable { get; set; }
        public Action<IContext>? OnFailed { get; set; }
    }

    private Queue<Staged>? _queued;          // staged while an append was in flight: the next append
    private Staged? _lastStaged;             // the newest staged append (in _queued or _writing while PipelineBusy)
    private List<Staged>? _writing;          // the append in flight (one AppendAsync for all of it)
    private Task? _writingTask;
    private bool _snapshotDue, _journalBroken, _flushPosted;
    private bool _writingBackground;         // the append in flight holds only deferred reports (the journal may hold it back)

    /// <summary>Orders decided (accepted or denied) but not durable yet: a duplicate request waits here for the same answer.</summary>
    private Dictionary<Model.ClientOrderId, List<PID>>? _awaitingDurable;

    /// <summary>True while events are staged or in flight (the state is ahead of the journal).</summary>
    private bool PipelineBusy => _writing is not null || _queued is { Count: > 0 };

    /// <summary>
    /// Applies <paramref name="events"/> now and journals them after everything staged before; set the callbacks on the
    /// result. With <paramref name="defer"/> the append starts when the account's <see cref="FlushJournal"/> arrives
    /// (after what is already in the mailbox), unless something else starts it first.
    /// </summary>
    private Staged Stage(IContext context, List<AccountEvent> events, bool defer = false)
    {
        var before = _state.LastSeq;
        for (var i = 0; i < events.Count; i++) _state.Apply(events[i], before + 1 + i);
        _snapshotDue |= _services.Options.SnapshotPolicy.ShouldSnapshot(before, _state.LastSeq);
        var staged = new Staged(before + 1, events, defer);
        (_queued ??= new Queue<Staged>()).Enqueue(staged);
        _lastStaged = staged;
        if (_writing is not null)
        {
            if (!defer) Expedite();   // a decision waits behind the reports in flight: no holding them back
            return staged;
        }
        if (!defer) StartAppend(context);
        else if (!_flushPosted)
        {
            _flushPosted = true;
            context.Send(context.Self, FlushJournal.Instance);
        }
        return staged;
    }

    /// <summary>The deferred reports' turn: whatever is staged and not yet written goes out as one append.</summary>
    private Task OnFlushJournal(IContext context)
    {
        _flushPosted = false;
        if (_writing is null && _queued is { Count: > 0 }) StartAppend(context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs <paramref name="durable"/> once everything applied so far is durable (at once when nothing is staged), or
    /// <paramref name="failed"/> if that append fails: what a read or a publication shows never runs ahead of the journal.
    /// </summary>
    private void WhenDurable(IContext context, Action<IContext> durable, Action<IContext> failed)
    {
        if (!PipelineBusy) { durable(context); return; }
        Expedite();
        var last = _lastStaged!;
        last.OnDurable += durable;
        last.OnFailed += failed;
    }

    private void StartAppend(IContext context)
    {
        var batch = new List<Staged>(_queued!.Count);
        List<AccountEvent> events;
        if (_queued.Count == 1) { batch.Add(_queued.Dequeue()); events = batch[0].Events; }
        else
        {
            events = new List<AccountEvent>();
            while (_queued.TryDequeue(out var s)) { batch.Add(s); events.AddRange(s.Events); }
        }
        var background = batch.TrueForAll(s => s.Deferred);   // only reports: nobody waits on this append yet
        Task task;
        var journal = _services.Options.Journal;
        try { task = background ? journal.AppendBackgroundAsync(_id.Value, batch[0].FirstSeq, events) : journal.AppendAsync(_id.Value, batch[0].FirstSeq, events); }
        catch (Exception e) { task = Task.FromException(e); }
        _writingBackground = background;
        _writing = batch;
        _writingTask = task;
        context.ReenterAfter(task, t => ReferenceEquals(_writing, batch) ? CompleteAsync(context, batch, t) : Task.CompletedTask);
    }

    /// <summary>
    /// Something waits on the append in flight (a decision queued behind it, a read, a drain): if it holds only deferred
    /// reports, the journal may be holding it back for another append to ride with; it is written now instead.
    /// </summary>
    private void Expedite()
    {
        if (!_writingBackground) return;
        _writingBackground = false;
        _services.Options.Journal.FlushBackground();
    }

    /// <summary>The append of <paramref name="batch"/> finished: run its effects and send the next one, or fail everything.</summary>
    private async Task CompleteAsync(IContext context, List<Staged> batch, Task append)
    {
        _writing = null;
        _writingTask = null;
        _writingBackground = false;
        if (!append.IsCompletedSuccessfully)
        {
            FailPipeline(context, batch, append.Exception?.InnerException);
            return;
        }
        foreach (var s in batch) s.OnDurable?.Invoke(context);
        if (_queued is { Count: > 0 }) { StartAppend(context); return; }
        if (!_snapshotDue) return;
        _snapshotDue = false;   // everything applied is durable now: the snapshot holds nothing the journal lacks
        await SaveSnapshotAsync().ConfigureAwait(false);
    }

    private void FailPipeline(IContext context, List<Staged> batch, Exception? error)
    {
        _journalBroken = true;
        if (error is JournalConflictException) _conflicted = true;
        foreach (var s in batch) s.OnFailed?.Invoke(context);
        while (_queued!.TryDequeue(out var s)) s.OnFailed?.Invoke(context);
        var reason = $"account {_id}: a journal append failed ({error?.Message ?? "unknown error"}); the account restarts from the journal";
        foreach (var (id, replies) in _inflight) ReplyAll(context, replies, Failures.Unavailable($"{reason}; order {id} was not accepted"));
        _inflight.Clear();
        FailModifies(context, reason);
        context.Stop(context.Self);
    }

    /// <summary>Waits for the pipeline to empty (inside the current message). False when an append failed (the account is stopping).</summary>
    private async Task<bool> DrainAsync(IContext context)
    {
        while (true)
        {
            if (_writing is null && _queued is { Count: > 0 }) StartAppend(context);   // deferred reports: now
            if (_writing is not { } batch) break;
            Expedite();
            var task = _writingTask!;
            try { await task.ConfigureAwait(false); }
            catch (Exception) { /* CompleteAsync sees the fault */ }
            await CompleteAsync(context, batch, task).ConfigureAwait(false);
        }
        return !_journalBroken;
    }

    /// <summary>After a failed append (until the stop takes effect): requests are refused, everything else is dropped.</summary>
    private Task OnBroken(IContext context)
    {
        if (context.Message is Stopping or Stopped or Restarting) return Task.CompletedTask;
        var notAccepted = Failures.Unavailable($"account {_id} is restarting after a journal failure; the order was not accepted");
        if (context.Message is RiskEvaluated r) ReplyAll(context, TakeReplies(r.Request.ClientOrderId, r.ReplyTo), notAccepted);
        else if (context.Message is RiskUnavailable u) ReplyAll(context, TakeReplies(u.Request.ClientOrderId, u.ReplyTo), notAccepted);
        else if (context.Message is ModifyEvaluated { Request.ReplyTo: { } to })
            context.Send(to, Failures.Unavailable($"account {_id} is restarting after a journal failure; the order was not modified"));
        else if (context.Sender is { } sender && context.Message is not (GatewayReport or PositionMarked or SubmitIntent))
            context.Send(sender, Failures.Unavailable($"account {_id} is restarting after a journal failure; retry"));
        return Task.CompletedTask;
    }
}
