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
/// reconciles the accounts in turn and starts sending.
/// </summary>
public sealed partial class GatewayActor
{
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);
    private readonly HashSet<AccountId> _replied = new();
    private readonly List<ReconcileAccount> _deferred = [];
    private HashSet<AccountId>? _awaiting;
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
        if (!Collecting) return ReconcileAsync(context, m);
        _deferred.Add(m);
        _replied.Add(m.Account);
        _awaiting!.Remove(m.Account);
        return _directoryLoaded && _awaiting.Count == 0 ? FinishCollectingAsync(context) : Task.CompletedTask;
    }

    private async Task FinishCollectingAsync(IContext context)
    {
        if (_awaiting is null) return;
        _awaiting = null;
        foreach (var m in _deferred.ToArray()) await ReconcileAsync(context, m).ConfigureAwait(false);
        _deferred.Clear();
        Pump(context);
    }
}
