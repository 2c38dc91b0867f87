using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Gateways;

/// <summary>
/// Reconciliation: on start the gateway asks every account with working orders at the broker for its view; an account
/// also sends its view when it activates with working orders. An order the account never saw acknowledged is looked
/// up first — by client order id, or, at a broker that does not echo it (<see cref="IPolledBroker"/>), by
/// <see cref="OrderAttribution"/> in the full order book of the day — and resubmitted (same client order id) only when
/// the broker does not have it. <see cref="Reconciler.Diff"/> then turns missing fills and status changes into
/// execution reports.
/// </summary>
public sealed partial class GatewayActor
{
    private async Task ReconcileOnStartAsync(IContext context)
    {
        var open = await _broker.GetOpenOrdersAsync().ConfigureAwait(false);
        if (!open.IsSuccess) return;
        var accounts = new HashSet<AccountId>();
        foreach (var o in open.Value!)
        {
            if (o.ClientOrderId is not { } cid || !GatewayRouting.TryParse(cid, out var account, out _)) continue;
            _brokerIds.TryAdd(cid, o.BrokerOrderId);
            accounts.Add(account);
        }
        foreach (var a in accounts) services.Cluster.Send(TradingCore.AccountIdentity(a.Value), new ReconcileRequested(_id));
    }

    private async Task ReconcileAsync(IContext context, ReconcileAccount m)
    {
        var polled = _broker as IPolledBroker;
        var book = polled is not null ? await polled.GetOrderBookAsync().ConfigureAwait(false) : await _broker.GetOpenOrdersAsync().ConfigureAwait(false);
        if (!book.IsSuccess)
        {
            // Never resubmit blind: try again later (the broker may hold orders we cannot see right now).
            context.System.Scheduler.ScheduleOnce(services.Options.Retry.Max, context.Self, m);
            return;
        }
        if (polled is not null && MustWaitForPlacements(m))
        {
            _afterPlacing.Add(m);   // runs again once the placements of the same shape settled (GatewayActor.Placing.cs)
            return;
        }
        if (polled is not null && MustWaitForClaims(m, book.Value!))
        {
            _afterClaims.Add(m);    // runs again once every account silent at the claims timeout answered (GatewayActor.Claims.cs)
            return;
        }
        var views = WithoutForeignClaims(Attribute(m, book.Value!, polled));
        var known = views.Where(v => v.BrokerOrderId is not null).Select(v => v.BrokerOrderId!).ToHashSet(StringComparer.Ordinal);
        var broker = book.Value!.Where(b => known.Contains(b.BrokerOrderId)
            || (b.ClientOrderId is { } c && GatewayRouting.TryParse(c, out var a, out _) && a == m.Account)).ToList();
        foreach (var local in views)
        {
            if (local.BrokerOrderId is not { } id || broker.Any(b => b.BrokerOrderId == id)) continue;
            var status = await _broker.GetOrderStatusAsync(id).ConfigureAwait(false);
            if (status.IsSuccess) broker.Add(status.Value!);
        }
        if (polled is not null)
            foreach (var b in broker)
                if (views.FirstOrDefault(v => v.BrokerOrderId == b.BrokerOrderId) is { } v && m.Originals.FirstOrDefault(o => o.ClientOrderId == v.ClientOrderId) is { } original)
                    polled.Adopt(original, b);
        Correct(context, m, Reconciler.Diff(views, broker, new Dictionary<PositionKey, decimal>(), []));
    }

    /// <summary>Fills in the broker order id of every order the account never saw acknowledged that the broker has.</summary>
    private List<LocalOrderView> Attribute(ReconcileAccount m, IReadOnlyList<BrokerOrderSnapshot> book, IPolledBroker? polled)
    {
        var claimed = ClaimedWith(m);
        var views = new List<LocalOrderView>(m.Orders.Count);
        foreach (var local in m.Orders.OrderBy(o => o.ClientOrderId.Value, StringComparer.Ordinal))
        {
            var view = local;
            if (local.BrokerOrderId is null && !_inFlightNew.Contains(local.ClientOrderId))
            {
                string? found = _brokerIds.GetValueOrDefault(local.ClientOrderId);
                if (found is null && m.Originals.FirstOrDefault(o => o.ClientOrderId == local.ClientOrderId) is { } original)
                    found = (polled is not null ? OrderAttribution.Find(original, book, claimed) : book.FirstOrDefault(b => b.ClientOrderId == local.ClientOrderId))?.BrokerOrderId;
                if (found is not null)
                {
                    claimed.Add(found);
                    _claimed.Add(found);
                    _brokerIds[local.ClientOrderId] = found;
                    view = local with { BrokerOrderId = found };
                    if (GatewayRouting.TryParse(local.ClientOrderId, out var account, out var orderId))
                        services.Cluster.Send(TradingCore.AccountIdentity(account.Value), new GatewayReport(orderId, _id) { BrokerOrderId = found });
                }
            }
            views.Add(view);
        }
        return views;
    }

    /// <summary>Every broker order id known to be some order's: this gateway's, the accounts' claims, and <paramref name="m"/>'s.</summary>
    private HashSet<string> ClaimedWith(ReconcileAccount m)
    {
        var claimed = new HashSet<string>(_brokerIds.Values, StringComparer.Ordinal);
        claimed.UnionWith(_claimed);
        claimed.UnionWith(m.Claimed);
        foreach (var l in m.Orders) if (l.BrokerOrderId is { } id) claimed.Add(id);
        return claimed;
    }

    private void Correct(IContext context, ReconcileAccount m, IReadOnlyList<ReconciliationCorrection> corrections)
    {
        var now = services.Time.GetUtcNow();
        foreach (var c in corrections)
        {
            switch (c.Kind)
            {
                case CorrectionKind.FillsMissing when c.Broker is { } b:
                    var missing = c.BrokerQuantity - c.LocalQuantity;
                    Report(c.ClientOrderId!.Value, new ExecutionReport(c.ClientOrderId.Value, b.BrokerOrderId, b.Status, missing,
                        b.AveragePrice, b.FilledQuantity, b.AveragePrice, 0m, now, "reconciled: fills missing", $"{b.BrokerOrderId}-{b.FilledQuantity}"));
                    break;
                case CorrectionKind.StatusChanged when c.Broker is { } b:
                    Report(c.ClientOrderId!.Value, new ExecutionReport(c.ClientOrderId.Value, b.BrokerOrderId, b.Status, 0m, 0m, b.FilledQuantity,
                        b.AveragePrice, 0m, now, "reconciled: status"));
                    break;
                case CorrectionKind.MissingAtBroker when c.BrokerOrderId is null:
                    if (m.Originals.FirstOrDefault(o => o.ClientOrderId == c.ClientOrderId) is { } original && !_inFlightNew.Contains(original.ClientOrderId))
                        Enqueue(context, GatewayCommand.New(original, now));
                    break;
            }
        }
    }

    private void Report(ClientOrderId cid, ExecutionReport report)
    {
        if (GatewayRouting.TryParse(cid, out var account, out var orderId))
            services.Cluster.Send(TradingCore.AccountIdentity(account.Value), new GatewayReport(orderId, _id) { Execution = report, BrokerOrderId = report.BrokerOrderId });
    }
}
