using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Api.V1;
using ActorTrading.Events.V1;
using ActorTrading.Runtime;
using Google.Protobuf.WellKnownTypes;
using ApiStateChanged = ActorTrading.Api.V1.TradingStateChanged;
using EventStateChanged = ActorTrading.Events.V1.TradingStateChanged;

namespace ActorTrading.Actors.Accounts;

/// <summary>Create, limits, kill switch (halt/resume), daily-loss REDUCING on marks, and the view risk checks against.</summary>
public sealed partial class AccountActor
{

    private async Task CreateAsync(IContext context, CreateAccountRequest m)
    {
        if (m.AccountId != _id.Value)
            { await Reply(context, context.Sender, Failures.Invalid("account_id", $"request for account '{m.AccountId}' sent to account {_id}")); return; }
        if (_state.Exists) { await Reply(context, context.Sender, Failures.AlreadyExists($"account {_id} already exists", "account_id")); return; }
        if (_id.Value.Length > GatewayRouting.MaxAccountIdLength)
            { await Reply(context, context.Sender, Failures.Invalid("account_id", $"account id must be at most {GatewayRouting.MaxAccountIdLength} characters")); return; }
        if (ProtoDecimal.TryFromProto(m.InitialCash, out var cash) is { } ce) { await Reply(context, context.Sender, Failures.Invalid("initial_cash", ce)); return; }
        if (cash < 0) { await Reply(context, context.Sender, Failures.Invalid("initial_cash", $"initial cash {cash} must not be negative")); return; }
        if (RiskSettings.TryFromProto(m.Limits, _services.Options.DefaultLimits, out var limits) is { } le)
            { await Reply(context, context.Sender, Failures.FromValidation(le, "limits", CreateAccountRequest.Descriptor)); return; }
        var opened = new AccountOpened
        {
            AccountId = _id.Value, DisplayName = m.DisplayName ?? "", InitialCash = ProtoDecimal.ToProto(cash), Limits = limits!.ToProto(),
            OrderRate = AccountEvents.Rate(limits),
        };
        if (!await PersistAsync(context, [With(e => e.AccountOpened = opened)]).ConfigureAwait(false))
            { await Reply(context, context.Sender, Failures.Unavailable("journal unavailable: the account was not created")); return; }
        _state.RollDay(TradingDayOf(Now));
        StartChildren(context);
        await Reply(context, context.Sender, ToAccount());
    }

    private async Task UpdateLimitsAsync(IContext context, UpdateRiskLimitsRequest m)
    {
        if (RiskSettings.TryFromProto(m.Limits, _state.Limits, out var limits) is { } le)
            { await Reply(context, context.Sender, Failures.FromValidation(le, "limits", UpdateRiskLimitsRequest.Descriptor)); return; }
        var changed = new RiskLimitsChanged { Limits = limits!.ToProto(), OrderRate = AccountEvents.Rate(limits) };
        if (!await PersistAsync(context, [With(e => e.RiskLimitsChanged = changed)]).ConfigureAwait(false))
            { await Reply(context, context.Sender, Failures.Unavailable("journal unavailable: limits unchanged")); return; }
        SendView(context);
        foreach (var pid in _strategies.Values) context.Send(pid, new StrategyLimits(_state.Limits.MinRewardRisk));
        await Reply(context, context.Sender, _state.Limits.ToProto());
    }

    private async Task HaltAsync(IContext context, HaltRequest m)
    {
        var mode = m.Mode == Api.V1.TradingState.Unspecified ? Api.V1.TradingState.Halted : m.Mode;
        if (mode is not (Api.V1.TradingState.Halted or Api.V1.TradingState.Reducing))
            { await Reply(context, context.Sender, Failures.Invalid("mode", $"mode must be HALTED or REDUCING (got {m.Mode})")); return; }
        var reason = string.IsNullOrEmpty(m.Reason) ? "kill switch" : m.Reason;
        if (!await ChangeStateAsync(context, mode, reason))
            { await Reply(context, context.Sender, Failures.Unavailable("journal unavailable: state unchanged")); return; }
        var plan = HaltPlan.Create(_state.Active.Values.ToArray(), _state.Positions.All, m.CancelOpenOrders, m.Flatten);
        var cancels = new List<OrderState>();
        foreach (var id in plan.OrdersToCancel)
            if (_state.Orders.TryGet(id, out var o) && o.IsActive && !o.CancelRequested) cancels.Add(o);
        if (!await RequestCancelsAsync(context, cancels, "kill switch").ConfigureAwait(false))
            { await Reply(context, context.Sender, Failures.Unavailable($"journal unavailable: state is {_state.State} but the open orders were not canceled")); return; }
        foreach (var exit in plan.Exits) await PlaceDirectAsync(context, exit, "flatten").ConfigureAwait(false);
        await Reply(context, context.Sender, StateChanged(reason));
    }

    private async Task ResumeAsync(IContext context)
    {
        var view = BuildView(full: false);
        var state = TradingStateMachine.Resume(view.ToSnapshot(_services.Options.Instruments) with { State = Api.V1.TradingState.Active });
        if (!await ChangeStateAsync(context, state, "resumed"))
            { await Reply(context, context.Sender, Failures.Unavailable("journal unavailable: state unchanged")); return; }
        await Reply(context, context.Sender, StateChanged(_state.StateReason));
    }

    private async Task<bool> ChangeStateAsync(IContext context, Api.V1.TradingState state, string reason)
    {
        if (state == _state.State && reason == _state.StateReason) return true;
        var changed = new EventStateChanged { State = state, Reason = reason };
        if (!await PersistAsync(context, [With(e => e.TradingStateChanged = changed)]).ConfigureAwait(false)) return false;
        PublishStateChange(context);
        SendView(context);
        return true;
    }

    private ApiStateChanged StateChanged(string reason) =>
        new() { AccountId = _id.Value, State = _state.State, Reason = reason, Time = Timestamp.FromDateTimeOffset(Now) };

    private Task OnMarked(IContext context, PositionMarked m)
    {
        if (!_state.Exists) return Task.CompletedTask;
        _state.Mark(m.Symbol, m.Price);
        _portfolioDirty = true;
        SchedulePortfolio(context);
        if (_state.State == Api.V1.TradingState.Active && DailyLossBreached())
            return ChangeStateAsync(context, Api.V1.TradingState.Reducing, $"max daily loss {_state.Limits.MaxDailyLossPercent}% reached (day P&L {decimal.Round(_state.Positions.DayPnl, 2)})");
        // No view to risk per mark: risk re-marks positions itself from the node's last ticks (RiskMarking).
        if (_state.LastSeq != _watchSeq) SendLossWatch(context); // a change that sent no view (e.g. a new day) re-arms the watch
        return Task.CompletedTask;
    }

    private bool DailyLossBreached()
    {
        var dayPnl = _state.Positions.DayPnl;
        if (dayPnl >= 0) return false;   // no loss: skip the limit's decimal division (once per mark)
        var limit = _state.StartOfDayEquity * _state.Limits.MaxDailyLossPercent / 100m;
        return limit > 0 && -dayPnl >= limit;
    }

    /// <summary>The view risk checks against; <paramref name="full"/> (a re-sync) carries no released ids.</summary>
    private AccountView BuildView(bool full)
    {
        RefreshMarks();
        var positions = new List<PositionExposure>();
        foreach (var p in _state.Positions.All) if (!p.IsFlat) positions.Add(PositionExposure.From(p));
        var pending = new List<PendingOrder>(_state.Active.Count);
        foreach (var o in _state.Active.Values)
        {
            var held = _state.Positions.TryGet(o.Symbol, o.Request.Product, out var p) ? p.Quantity : 0;
            var opening = held == 0 || (held > 0) == (o.Side == Side.Buy);
            var price = o.LimitPrice ?? o.StopPrice ?? _state.LastPrices.GetValueOrDefault(o.Symbol);
            pending.Add(new PendingOrder(o.ClientOrderId, o.Symbol, o.Request.Product, o.Side, o.RemainingQuantity, price, opening));
        }
        ClientOrderId[] released = full ? [] : [.. _released];
        _released.Clear();
        return new AccountView(_id, _state.State, _state.Cash, _state.Equity, _state.StartOfDayEquity, _state.Positions.DayPnl, positions, pending,
            _state.OrdersToday, _state.TradesToday, _state.Limits, new Dictionary<SymbolId, decimal>(_state.LastPrices), released, Blocked);
    }

    private void SendView(IContext context)
    {
        if (_risk is not null) context.Send(_risk, BuildView(full: false));
        SendLossWatch(context);
    }

    private Account ToAccount()
    {
        RefreshMarks();
        return new Account
        {
        AccountId = _id.Value, DisplayName = _state.DisplayName, Cash = ProtoDecimal.ToProto(decimal.Round(_state.Cash, 9)),
        Equity = ProtoDecimal.ToProto(decimal.Round(_state.Equity, 9)), State = _state.State, Limits = _state.Limits.ToProto(),
        NodeId = _services.Cluster.MemberList.Self.Id,
        };
    }
}
