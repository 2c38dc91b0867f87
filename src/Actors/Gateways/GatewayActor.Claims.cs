using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Gateways;

/// <summary>
/// After a restart, a gateway on a broker that does not echo client order ids (<see cref="IPolledBroker"/>) can only
/// attribute an order it never saw acknowledged by its shape, so it must first know every broker order some account
/// already owns. It asks every account (<see cref="TradingCoreOptions.AccountDirectory"/>) for its claims, holds
/// reconciliation and sending until all have answered (or <see cref="TradingCoreOptions.ClaimsTimeout"/>), then
/// reconciles the accounts in turn and starts sending. Accounts still silent at the timeout are remembered: until each
/// has sent its claims (they are asked again every timeout), a reconciliation that would attribute an order by shape waits (a silent account's broker
/// order looks exactly like a lost one of the same shape); one that needs no attribution by shape runs at once.
/// </summary>
public sealed partial class GatewayActor
{
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);
    private readonly HashSet<AccountId> _replied = new();
    private readonly List<ReconcileAccount> _deferred = [];
    private readonly List<ReconcileAccount> _afterClaims = [];
    private HashSet<AccountId>? _awaiting;
    private HashSet<AccountId>? _silent;   // did not send their claims before ClaimsTimeout
    private bool _directoryLoaded;

    private bool Collecting => _awaiting is not null;

    private void StartCollecting(IContext context)
    {
        if (_broker is not IPolledBroker || services.Options.AccountDirectory is not { } directory) return;
        _awaiting = [];
        context.ReenterAfter(directory(CancellationToken.None), t =>
        {
            _directoryLoaded = true;
            if (!t.IsCompletedSuccessfully) return FinishCollectingAsync(context);   // no directory: reconcile with what comes
            foreach (var a in t.Result.Where(a => !_replied.Contains(a)))
            {
                _awaiting!.Add(a);
                services.Cluster.Send(TradingCore.AccountIdentity(a.Value), new ReconcileRequested(_id));
            }
            context.System.Scheduler.ScheduleOnce(services.Options.ClaimsTimeout, context.Self, ClaimsTimedOut.Instance);
            return _awaiting!.Count == 0 ? FinishCollectingAsync(context) : Task.CompletedTask;
        });
    }

    private Task OnReconcileAccount(IContext context, ReconcileAccount m)
    {
        foreach (var id in m.Claimed) _claimed.Add(id);
        if (_silent is not null && _silent.Remove(m.Account) && _silent.Count == 0) ClaimsComplete(context);
        if (!Collecting) return ReconcileAsync(context, m);
        _deferred.Add(m);
        _replied.Add(m.Account);
        _awaiting!.Remove(m.Account);
        return _directoryLoaded && _awaiting.Count == 0 ? FinishCollectingAsync(context) : Task.CompletedTask;
    }

    private async Task FinishCollectingAsync(IContext context)
    {
        if (_awaiting is null) return;
        var silent = _awaiting.Count > 0 ? _awaiting : null;
        _awaiting = null;
        if (silent is not null)
        {
            _silent = silent;
            AskSilent(context);
        }
        foreach (var m in _deferred.ToArray()) await ReconcileAsync(context, m).ConfigureAwait(false);
        _deferred.Clear();
        Pump(context);
    }

    private Task OnClaimsTimedOut(IContext context)
    {
        if (Collecting) return FinishCollectingAsync(context);
        if (_silent is not null) AskSilent(context);
        return Task.CompletedTask;
    }

    /// <summary>Asks the silent accounts again every ClaimsTimeout: a request can be lost to a passivation or a move.</summary>
    private void AskSilent(IContext context)
    {
        foreach (var a in _silent!) services.Cluster.Send(TradingCore.AccountIdentity(a.Value), new ReconcileRequested(_id));
        context.System.Scheduler.ScheduleOnce(services.Options.ClaimsTimeout, context.Self, ClaimsTimedOut.Instance);
    }

    /// <summary>True when <paramref name="m"/> would give one of its orders a broker order found by shape alone while some account's claims are unknown.</summary>
    private bool MustWaitForClaims(ReconcileAccount m, IReadOnlyList<BrokerOrderSnapshot> book)
    {
        if (_silent is null) return false;
        var claimed = ClaimedWith(m);
        foreach (var local in m.Orders)
        {
            if (local.BrokerOrderId is not null || _inFlightNew.Contains(local.ClientOrderId) || _brokerIds.ContainsKey(local.ClientOrderId)) continue;
            if (m.Originals.FirstOrDefault(o => o.ClientOrderId == local.ClientOrderId) is { } original
                && OrderAttribution.Find(original, book, claimed) is { ClientOrderId: null }) return true;
        }
        return false;
    }

    /// <summary>The last silent account sent its claims: the reconciliations that waited for them run again.</summary>
    private void ClaimsComplete(IContext context)
    {
        _silent = null;
        foreach (var waiting in _afterClaims) context.Send(context.Self, waiting);
        _afterClaims.Clear();
    }
}
