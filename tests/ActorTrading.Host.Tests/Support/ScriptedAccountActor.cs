using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Events.V1;
using ActorTrading.Host.Composition;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Host.Tests.Support;

/// <summary>
/// An account actor of the cluster protocol with scripted behaviour: market orders fill at once at 100, limit orders
/// rest OPEN; HALTED denies TRADING_HALTED, REDUCING denies REDUCE_ONLY, orders above the cash deny INSUFFICIENT_FUNDS.
/// It journals AccountOpened so listings (read models) see the account.
/// </summary>
public sealed partial class ScriptedAccountActor(NodeStorage storage, string nodeId) : IActor
{
    public const decimal FillPrice = 100m;

    private readonly Dictionary<PID, SubscribeAccountEvents> _subscribers = [];
    private readonly Dictionary<string, Order> _orders = [];
    private readonly Dictionary<string, OrderAck> _byClientId = [];
    private readonly List<Trade> _trades = [];
    private readonly Dictionary<string, StrategyInstance> _strategies = [];
    private readonly Dictionary<string, decimal> _positions = [];
    private Account? _account;
    private long _sequence;

    public async Task ReceiveAsync(IContext context)
    {
        switch (context.Message)
        {
            case SubscribeAccountEvents s when context.Sender is { } who:
                _subscribers[who] = s;
                context.Watch(who);
                context.Respond(new SubscriptionConfirmed());
                return;
            case UnsubscribeAccountEvents when context.Sender is { } who:
                _subscribers.Remove(who);
                return;
            case Terminated t:
                _subscribers.Remove(t.Who);
                return;
            case CreateAccountRequest r:
                context.Respond(_account is not null ? Fail(FailureCode.AlreadyExists, "account_id", $"account {r.AccountId} already exists") : await CreateAsync(r));
                return;
            case Started or Stopping or ActorTrading.Runtime.Messages.Stopped or Restarting:
                return;
        }
        if (_account is null)
        {
            context.Respond(Fail(FailureCode.NotFound, "account_id", $"account {context.ClusterIdentity?.Identity} does not exist"));
            return;
        }
        context.Respond(Handle(context, context.Message));
    }

    private async Task<object> CreateAsync(CreateAccountRequest r)
    {
        var opened = new AccountOpened { AccountId = r.AccountId, DisplayName = r.DisplayName, InitialCash = r.InitialCash ?? ProtoDecimal.ToProto(0), Limits = r.Limits };
        await storage.Journal.AppendAsync(r.AccountId, 1, [new AccountEvent { At = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow), AccountOpened = opened }]);
        _account = new Account
        {
            AccountId = r.AccountId, DisplayName = r.DisplayName, Cash = r.InitialCash ?? ProtoDecimal.ToProto(0),
            Equity = r.InitialCash ?? ProtoDecimal.ToProto(0), State = TradingState.Active, Limits = r.Limits, NodeId = nodeId,
        };
        return _account;
    }

    private static CommandFailed Fail(FailureCode code, string field, string message) => new() { Code = code, Field = field, Message = message };

    private void Publish(IContext context, Order order, Trade? trade)
    {
        var e = new OrderEvent { AccountId = _account!.AccountId, Order = order.Clone(), Trade = trade, Status = order.Status, Sequence = ++_sequence };
        var snapshot = Portfolio();
        foreach (var (pid, what) in _subscribers)
        {
            if (what.OrderEvents) context.Send(pid, e);
            if (what.Portfolio) context.Send(pid, snapshot);
        }
    }

    private PortfolioSnapshot Portfolio()
    {
        var p = new PortfolioSnapshot { AccountId = _account!.AccountId, Cash = _account.Cash, Equity = _account.Equity, State = _account.State };
        foreach (var (symbol, qty) in _positions.Where(kv => kv.Value != 0))
            p.Positions.Add(new global::ActorTrading.Api.V1.Position { Symbol = symbol, Product = Product.Mis, Quantity = ProtoDecimal.ToProto(qty), AveragePrice = ProtoDecimal.ToProto(FillPrice) });
        return p;
    }
}
