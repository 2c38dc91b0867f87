using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Gateways;

/// <summary>
/// Reconciliation: on start the gateway asks every account with working orders at the broker for its view; an account
/// also sends its view when it activates with working orders. <see cref="Reconciler.Diff"/> decides the corrections:
/// missing fills and status changes become execution reports, orders never acknowledged are resubmitted with the same
/// client order id (idempotent at the broker).
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
        var open = await _broker.GetOpenOrdersAsync().ConfigureAwait(false);
        if (!open.IsSuccess) return;
        var broker = open.Value!.Where(o => o.ClientOrderId is { } c && GatewayRouting.TryParse(c, out var a, out _) && a == m.Account).ToList();
        foreach (var local in m.Orders)
        {
            if (local.BrokerOrderId is not { } id || broker.Any(b => b.BrokerOrderId == id)) continue;
            var status = await _broker.GetOrderStatusAsync(id).ConfigureAwait(false);
            if (status.IsSuccess) broker.Add(status.Value!);
        }
        var corrections = Reconciler.Diff(m.Orders, broker, new Dictionary<PositionKey, decimal>(), []);
        var now = services.Time.GetUtcNow();
        foreach (var c in corrections)
        {
            switch (c.Kind)
            {
                case CorrectionKind.FillsMissing when c.Broker is { } b:
                    Report(c.ClientOrderId!.Value, new ExecutionReport(c.ClientOrderId.Value, b.BrokerOrderId, b.Status, c.BrokerQuantity - c.LocalQuantity,
                        b.AveragePrice, b.FilledQuantity, b.AveragePrice, 0m, now, "reconciled: fills missing", $"{b.BrokerOrderId}-recon-{b.FilledQuantity}"));
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
