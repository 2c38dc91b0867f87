using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Actors.Accounts;

/// <summary>Event subscribers: OrderEvent (increasing sequence) and PortfolioSnapshot (throttled, only on change).</summary>
public sealed partial class AccountActor
{
    // Created with the first subscriber (an idle account has none); reads before that see a shared empty map.
    private static readonly Dictionary<PID, SubscribeAccountEvents> NoSubscribers = new();
    private Dictionary<PID, SubscribeAccountEvents>? _subscriberMap;

    private Dictionary<PID, SubscribeAccountEvents> Subscribers => _subscriberMap ?? NoSubscribers;
    private long _eventSequence;
    private bool _portfolioDirty, _portfolioScheduled;

    private Task Subscribe(IContext context, SubscribeAccountEvents m)
    {
        if (context.Sender is not { } sender) return Task.CompletedTask;
        if (!_state.Exists) return Reply(context, sender, Failures.NotFound($"account {_id} does not exist", "account_id"));
        _subscriberMap ??= new Dictionary<PID, SubscribeAccountEvents>();
        if (_subscriberMap.TryAdd(sender, m)) context.Watch(sender);
        else _subscriberMap[sender] = m;
        context.Send(sender, new SubscriptionConfirmed());
        if (m.Portfolio)
        {
            var snapshot = Portfolio();
            WhenDurable(context, c => c.Send(sender, snapshot), static _ => { });
        }
        SendLossWatch(context); // portfolio streams want a mark per tick
        return Task.CompletedTask;
    }

    private Task Unsubscribe(IContext context)
    {
        if (context.Sender is not { } sender) return Task.CompletedTask;
        if (Subscribers.Remove(sender)) { context.Unwatch(sender); SendLossWatch(context); }
        context.Send(sender, new SubscriptionConfirmed());
        return Task.CompletedTask;
    }

    private Task OnTerminated(IContext context, Terminated m)
    {
        if (Subscribers.Remove(m.Who)) SendLossWatch(context);
        return Task.CompletedTask;
    }

    private void PublishOrder(IContext context, OrderState order, Fill? fill)
    {
        _portfolioDirty |= fill is not null;
        if (Subscribers.Count == 0) return;
        var e = new OrderEvent
        {
            AccountId = _id.Value, Order = order.ToProto(), Status = order.Status, Message = order.Message,
            Sequence = _eventSequence = Math.Max(_eventSequence + 1, _state.LastSeq), Trade = fill?.ToProto(),
        };
        foreach (var (pid, what) in Subscribers) if (what.OrderEvents) context.Send(pid, e);
        SchedulePortfolio(context);
    }

    private void PublishStateChange(IContext context)
    {
        _portfolioDirty = true;
        SchedulePortfolio(context);
    }

    private void SchedulePortfolio(IContext context)
    {
        if (!_portfolioDirty || _portfolioScheduled || Subscribers.Count == 0) return;
        _portfolioScheduled = true;
        context.System.Scheduler.ScheduleOnce(_services.Options.PortfolioInterval, context.Self, PublishPortfolio.Instance);
    }

    private Task OnPublishPortfolio(IContext context)
    {
        _portfolioScheduled = false;
        if (!_portfolioDirty || !_state.Exists) return Task.CompletedTask;
        _portfolioDirty = false;
        if (!Subscribers.Values.Any(static what => what.Portfolio)) return Task.CompletedTask;
        var snapshot = Portfolio();   // published once what it shows is durable; a failed append stops the account (and its streams)
        WhenDurable(context, c =>
        {
            foreach (var (pid, what) in Subscribers)
                if (what.Portfolio) c.Send(pid, snapshot);
        }, static _ => { });
        return Task.CompletedTask;
    }
}
