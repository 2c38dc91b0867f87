using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Actors.Accounts;

/// <summary>
/// The user actor (kind <c>account</c>, id = account id): cash, limits, trading state, the order book and its
/// lifecycle. Every change is an event appended to <see cref="Ports.IAccountJournal"/> before anything is acknowledged.
/// Supervises <c>risk</c>, <c>position</c> and <c>strategy/&lt;name&gt;</c> (see <see cref="AccountChildSupervisor"/>).
/// The protocol is the table in src/Actors/README.md.
/// </summary>
public sealed partial class AccountActor : IActor
{
    private readonly TradingServices _services;
    private AccountState _state = null!;
    private AccountId _id;
    private PID? _risk, _position;
    private readonly Dictionary<string, PID> _strategies = new(StringComparer.Ordinal);
    private bool _riskHealthy, _positionHealthy;
    private bool _failed, _conflicted;
    private JournalCorruptException? _corrupt;

    public AccountActor(TradingServices services) => _services = services;

    public Task ReceiveAsync(IContext context) => context.Message switch
    {
        Started => RecoverAsync(context),
        _ when _journalBroken => OnBroken(context),
        Stopping when PipelineBusy => DrainAsync(context),
        RiskEvaluated m => OnRiskEvaluated(context, m),
        ModifyEvaluated m => OnModifyEvaluatedAsync(context, m),
        GatewayReport m => OnGatewayReport(context, m),
        FlushJournal => OnFlushJournal(context),
        PositionMarked m => OnMarked(context, m),
        SubmitIntent m => OnIntent(context, m),
        RiskUnavailable m => OnRiskUnavailable(context, m),
        _ when _failed => RetryRecoveryAsync(context),
        _ when _conflicted && context.Message is not (Stopping or Stopped) =>
            Reply(context, context.Sender, Failures.Unavailable($"account {_id} is owned by another writer; retry")),
        _ => ReceiveRest(context),
    };

    private Task ReceiveRest(IContext context)
    {
        switch (context.Message)
        {
            case CreateAccountRequest m: return CreateAsync(context, m);
            case SubscribeAccountEvents m: return Subscribe(context, m);
            case UnsubscribeAccountEvents: return Unsubscribe(context);
            case Terminated m: return OnTerminated(context, m);
            case ChildFailed m: return OnChildFailed(context, m);
            case RequestSync m: return OnRequestSync(context, m);
            case ChildReady m: return OnChildReady(context, m);
            case PublishPortfolio: return OnPublishPortfolio(context);
            case ReconcileRequested m: if (_state.Exists) SendReconcile(context, m.GatewayId); return Task.CompletedTask;
            case Diagnostics.CountSubscribers: return Reply(context, context.Sender, new Diagnostics.SubscriberCount(Subscribers.Count));
            case Stopping or Stopped or Restarting: return Task.CompletedTask;
        }
        if (!_state.Exists) return ReplyIfRequest(context, Failures.NotFound($"account {_id} does not exist", "account_id"));
        return context.Message switch
        {
            GetAccountRequest m => Checked(context, m.AccountId, () => ReplyRead(context, context.Sender, ToAccount())),
            UpdateRiskLimitsRequest m => Checked(context, m.AccountId, () => UpdateLimitsAsync(context, m)),
            UpdateOrderRateLimit m => Checked(context, m.AccountId, () => UpdateOrderRateAsync(context, m)),
            GetOrderRateLimit m => Checked(context, m.AccountId, () => ReplyRead(context, context.Sender, OrderRate())),
            HaltRequest m => Checked(context, m.AccountId, () => HaltAsync(context, m)),
            ResumeRequest m => Checked(context, m.AccountId, () => ResumeAsync(context)),
            PlaceOrderRequest m => Checked(context, m.AccountId, () => Place(context, m)),
            ModifyOrderRequest m => Checked(context, m.AccountId, () => ModifyAsync(context, m)),
            CancelOrderRequest m => Checked(context, m.AccountId, () => CancelAsync(context, m)),
            CancelAllOrdersRequest m => Checked(context, m.AccountId, () => CancelAllAsync(context)),
            GetOrderRequest m => Checked(context, m.AccountId, () => GetOrder(context, m)),
            ListOrdersRequest m => Checked(context, m.AccountId, () => ListOrders(context, m)),
            ListTradesRequest m => Checked(context, m.AccountId, () => ListTrades(context, m)),
            GetPortfolioRequest m => Checked(context, m.AccountId, () => ReplyRead(context, context.Sender, Portfolio())),
            ClosePositionRequest m => Checked(context, m.AccountId, () => ClosePosition(context, m)),
            CloseAllPositionsRequest m => Checked(context, m.AccountId, () => CloseAll(context)),
            StartStrategyRequest m => Checked(context, m.AccountId, () => StartStrategyAsync(context, m)),
            StopStrategyRequest m => Checked(context, m.AccountId, () => StopStrategyAsync(context, m)),
            ListStrategiesRequest m => Checked(context, m.AccountId, () => ListStrategies(context)),
            SendSignalRequest m => Checked(context, m.AccountId, () => SendSignal(context, m)),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>Recovery failed (journal down): every message retries it first; while it fails, requests get UNAVAILABLE.</summary>
    private async Task RetryRecoveryAsync(IContext context)
    {
        if (context.Message is Stopping or Stopped or Restarting) return;
        await RecoverAsync(context).ConfigureAwait(false);
        if (_failed) { await Reply(context, context.Sender, RecoveryFailure()); return; }
        await ReceiveAsync(context).ConfigureAwait(false);
    }

    /// <summary>Why the account cannot serve: the journal is down (retry later), or a stored event or snapshot no longer
    /// parses (INTERNAL naming the account and seq: an operator must repair the row; retrying cannot help).</summary>
    private CommandFailed RecoveryFailure() => _corrupt is { } corrupt
        ? new CommandFailed { Code = FailureCode.Internal, Message = $"account {_id} cannot be recovered: {corrupt.Message}" }
        : Failures.Unavailable($"account {_id}: the journal is unavailable; nothing was accepted");

    private Task Checked(IContext context, string accountId, Func<Task> handler) =>
        accountId == _id.Value
            ? handler()
            : Reply(context, context.Sender, Failures.Invalid("account_id", $"request for account '{accountId}' sent to account {_id}"));

    private static Task Reply(IContext context, PID? to, object message)
    {
        if (to is not null) context.Send(to, message);
        return Task.CompletedTask;
    }

    private Task OnRiskUnavailable(IContext context, RiskUnavailable m)
    {
        ReplyAll(context, TakeReplies(m.Request.ClientOrderId, m.ReplyTo), Failures.Unavailable("risk is restarting: " + m.Reason));
        return Task.CompletedTask;
    }

    private static Task ReplyIfRequest(IContext context, CommandFailed failure) => Reply(context, context.Sender, failure);

    private DateTimeOffset Now => _services.Time.GetUtcNow();
}
