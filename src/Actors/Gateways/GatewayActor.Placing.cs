using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Model;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Gateways;

/// <summary>
/// New orders whose placement is under way: the broker may already list them while we do not know their broker id
/// (the HTTP answer is in flight, or a transient failure is being verified). At a broker that does not echo client
/// order ids such an entry is indistinguishable from an order we lost, so reconciliation must not attribute an order by
/// shape while a placement of the same shape is unsettled: it would give one broker order to two of our orders (a
/// phantom fill for one, and the other placed twice). Those reconciliations wait here and run again once the
/// placements settled.
/// </summary>
public sealed partial class GatewayActor
{
    private readonly Dictionary<ClientOrderId, BrokerOrder> _placing = new();
    private readonly HashSet<ClientOrderId> _verifying = new();   // placed, failed transiently, being looked for in the book
    private readonly List<ReconcileAccount> _afterPlacing = [];

    /// <summary>True when <paramref name="m"/> needs an attribution by shape that an unsettled placement could confuse.</summary>
    private bool MustWaitForPlacements(ReconcileAccount m)
    {
        if (_placing.Count == 0) return false;
        foreach (var local in m.Orders)
        {
            if (local.BrokerOrderId is not null || _inFlightNew.Contains(local.ClientOrderId) || _brokerIds.ContainsKey(local.ClientOrderId)) continue;
            if (m.Originals.FirstOrDefault(o => o.ClientOrderId == local.ClientOrderId) is not { } original) continue;
            foreach (var placing in _placing.Values)
                if (OrderAttribution.SameShape(original, placing)) return true;
        }
        return false;
    }

    /// <summary>
    /// Leaves out of a reconciliation every order whose broker id this gateway knows to be another order's (or that two
    /// of the account's orders name): reporting its fills, or polling that broker order for it, would give one broker
    /// order to two of our orders. Nothing is done for such an order (no fill, no status, no resubmission).
    /// </summary>
    private List<Brokers.LocalOrderView> WithoutForeignClaims(List<Brokers.LocalOrderView> views)
    {
        if (!views.Any(v => v.BrokerOrderId is not null)) return views;
        var owners = new Dictionary<string, ClientOrderId>(StringComparer.Ordinal);
        foreach (var (cid, id) in _brokerIds) owners.TryAdd(id, cid);
        var named = views.Where(v => v.BrokerOrderId is not null).GroupBy(v => v.BrokerOrderId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return views.Where(v => v.BrokerOrderId is not { } id
            || (named[id] == 1 && (!owners.TryGetValue(id, out var owner) || owner == v.ClientOrderId))).ToList();
    }

    /// <summary>A new order's placement ended (acknowledged, refused, or verified absent): reconciliations waiting for it run again.</summary>
    private void PlacementSettled(IContext context, GatewayCommand command)
    {
        if (command.Kind != GatewayCommandKind.New || !_placing.Remove(command.ClientOrderId)) return;
        _verifying.Remove(command.ClientOrderId);
        if (_afterPlacing.Count == 0) return;
        foreach (var m in _afterPlacing) context.Send(context.Self, m);
        _afterPlacing.Clear();
    }
}

public sealed partial class GatewayActor
{
    /// <summary>
    /// A place that timed out or hit a 5xx may have reached a broker without client order ids: look for it in the order
    /// book first (<see cref="OrderAttribution"/>); only an order the broker does not have is sent again. While another
    /// placement of the same shape is unsettled, an unclaimed entry may be that one's: look again later (still placing).
    /// </summary>
    private void VerifyBeforeRetry(IContext context, IPolledBroker polled, GatewayCommand command, TimeSpan delay)
    {
        _verifying.Add(command.ClientOrderId);
        context.ReenterAfter(polled.GetOrderBookAsync(), t =>
        {
            // Two being verified do not wait for each other: each takes the oldest unclaimed entry (identical orders may swap).
            if (_placing.Any(p => p.Key != command.ClientOrderId && !_verifying.Contains(p.Key) && OrderAttribution.SameShape(command.Order!, p.Value)))
            {
                context.System.Scheduler.ScheduleOnce(delay, context.Self, new VerifyPlacement(command, delay));
                return Task.CompletedTask;
            }
            if (t.IsCompletedSuccessfully && t.Result.IsSuccess)
            {
                var claimed = new HashSet<string>(_brokerIds.Values, StringComparer.Ordinal);
                claimed.UnionWith(_claimed);
                if (OrderAttribution.Find(command.Order!, t.Result.Value!, claimed) is { } found)
                {
                    _claimed.Add(found.BrokerOrderId);
                    polled.Adopt(command.Order!, found with { Status = Api.V1.OrderStatus.Accepted, FilledQuantity = 0, AveragePrice = 0 });   // the poll reports its fills
                    OnPlaced(context, command, new BrokerOrderAck(found.BrokerOrderId, command.ClientOrderId, Api.V1.OrderStatus.Accepted));
                    Pump(context);
                    return Task.CompletedTask;
                }
            }
            PlacementSettled(context, command);   // not at the broker: nothing of it can be in the book until the retry
            context.System.Scheduler.ScheduleOnce(delay, context.Self, new RetryCommand(command.NextAttempt()));
            return Task.CompletedTask;
        });
    }
}

/// <summary>Timer → gateway: a transient failure's next attempt.</summary>
public sealed record RetryCommand(GatewayCommand Command);

/// <summary>Timer → gateway: look for a placement that failed transiently in the order book again.</summary>
public sealed record VerifyPlacement(GatewayCommand Command, TimeSpan Delay);
