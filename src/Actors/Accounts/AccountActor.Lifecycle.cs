using ActorTrading.Actors.Model;
using ActorTrading.Actors.Ports;
using ActorTrading.Events.V1;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Accounts;

/// <summary>Recovery (snapshot + replay), journaling before acknowledging, snapshots, and the children's health.</summary>
public sealed partial class AccountActor
{
    private async Task RecoverAsync(IContext context)
    {
        _id = new AccountId(context.ClusterIdentity?.Identity ?? context.Self.Id);
        _state = new AccountState(_id, TradingDayOf, _services.Options.DefaultLimits);
        _failed = false;
        _corrupt = null;
        try
        {
            var recovered = await AccountRecovery.LoadAsync(_services.Options.Journal, _services.Options.Snapshots, _id.Value).ConfigureAwait(false);
            if (recovered.Snapshot is { } snapshot) _state.Restore(snapshot);
            foreach (var e in recovered.Events) _state.Apply(e.Event, e.Seq);
        }
        catch (Exception e) when (e is JournalUnavailableException or JournalCorruptException)
        {
            _failed = true;
            _corrupt = e as JournalCorruptException;
            return;
        }
        if (!_state.Exists) return;
        StartChildren(context);
        if (_state.Active.Count > 0) SendReconcile(context, null);
        ResendPendingCancels();
    }

    private string TradingDayOf(DateTimeOffset time) =>
        DateOnly.FromDateTime(_services.Options.Calendar.LocalTime(time)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private void StartChildren(IContext context)
    {
        _risk = context.SpawnNamed(_services.SharedProps("risk", s => s.HotPath(Props.FromProducer(() => new RiskActor(s)))), "risk");
        _position = context.SpawnNamed(_services.SharedProps("position", s => Props.FromProducer(() => new PositionActor(s))
            .WithMailbox(ConflatingTicks)), "position");
        foreach (var s in _state.Strategies.Values) SpawnStrategy(context, s.InstanceName, s.Type, s.Symbols, s.Parameters);
        // Seeded in this turn: whatever the account sends them later queues behind their first sync, so a new or recovered
        // account trades at once. A child still asks for a sync when it starts (that one matters after a restart).
        _riskHealthy = _positionHealthy = true;
        context.Send(_risk, BuildView(full: true));
        context.Send(_position, BuildPositionSync());
    }

    internal static object? TickKey(object message) => message is MarketTick t ? t.Symbol.Value : null;

    /// <summary>The mailbox of the children that follow ticks (latest tick per symbol wins); one factory for all.</summary>
    private static readonly Func<Runtime.Mailbox.MailboxBase> ConflatingTicks = Runtime.Mailbox.Mailboxes.Conflating(TickKey);

    /// <summary>
    /// Appends <paramref name="events"/> and applies them (after the pipelined appends ahead of it, see
    /// AccountActor.Journaling.cs). False when nothing was accepted: journal down (the caller replies UNAVAILABLE) or a
    /// second writer (the actor stops itself: another activation owns the account).
    /// </summary>
    private async Task<bool> PersistAsync(IContext context, List<AccountEvent> events)
    {
        if (PipelineBusy && !await DrainAsync(context).ConfigureAwait(false)) return false;
        var before = _state.LastSeq;
        try
        {
            await _services.Options.Journal.AppendAsync(_id.Value, before + 1, events).ConfigureAwait(false);
        }
        catch (JournalConflictException)
        {
            _conflicted = true;
            context.Stop(context.Self);
            return false;
        }
        catch (JournalUnavailableException)
        {
            return false;
        }
        for (var i = 0; i < events.Count; i++) _state.Apply(events[i], before + 1 + i);
        if (_services.Options.SnapshotPolicy.ShouldSnapshot(before, _state.LastSeq)) await SaveSnapshotAsync().ConfigureAwait(false);
        return true;
    }

    private async Task SaveSnapshotAsync()
    {
        try
        {
            await _services.Options.Snapshots.SaveAsync(_state.ToSnapshot(Now)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JournalUnavailableException or InvalidOperationException or IOException)
        {
            // A missed snapshot only makes the next recovery replay more events.
        }
    }

    /// <summary>The id the next event will get: order ids are "O" + the seq of the event that created the order.</summary>
    private OrderId NextOrderId(int offset = 0) => new("O" + (_state.LastSeq + 1 + offset).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private Task OnChildFailed(IContext context, ChildFailed m)
    {
        if (m.Child.Equals(_risk)) _riskHealthy = false;
        else if (m.Child.Equals(_position)) _positionHealthy = false;
        SendView(context);
        if (!m.Child.Equals(_risk)) return Task.CompletedTask;
        // Every evaluation risk answered before failing is already processed (it was queued before this message):
        // whatever is still in flight died with risk and was not accepted.
        FailModifies(context, m.Reason.Message);
        foreach (var (id, replies) in _inflight)
            ReplyAll(context, replies, Failures.Unavailable($"risk failed while checking {id}: {m.Reason.Message}; the order was not accepted"));
        _inflight.Clear();
        if (m.Message is EvaluateOrder { ReplyTo: { } direct } evaluate)
            context.Send(direct, Failures.Unavailable($"risk failed while checking {evaluate.Request.ClientOrderId}: {m.Reason.Message}"));
        return Task.CompletedTask;
    }

    private Task OnRequestSync(IContext context, RequestSync m)
    {
        if (m.Child == "risk" && _risk is not null) context.Send(_risk, BuildView(full: true));
        else if (m.Child == "position" && _position is not null) context.Send(_position, BuildPositionSync());
        return Task.CompletedTask;
    }

    private Task OnChildReady(IContext context, ChildReady m)
    {
        if (m.Child == "risk") _riskHealthy = true;
        else if (m.Child == "position") _positionHealthy = true;
        SendView(context);
        return Task.CompletedTask;
    }

    private PositionSync BuildPositionSync()
    {
        var seeds = new List<PositionSeed>();
        foreach (var p in _state.Positions.All)
            if (!p.IsFlat) seeds.Add(new PositionSeed(p.Key, p.Quantity, p.AveragePrice, p.LastPrice, _state.Brackets.GetValueOrDefault(p.Key)));
        return new PositionSync(seeds);
    }

    private bool Blocked => !_riskHealthy || !_positionHealthy;
}
