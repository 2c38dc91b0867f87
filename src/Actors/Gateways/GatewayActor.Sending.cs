using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Ports;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Gateways;

/// <summary>Sending: the pump (rate limit, breaker, distributed bucket), broker calls, retries.</summary>
public sealed partial class GatewayActor
{
    private bool _bucketPending;

    private void Pump(IContext context)
    {
        while (true)
        {
            GatewayCommand command;
            if (_bucketPending || Collecting) return;
            if (_held is { } held) { command = held; _held = null; }
            else if (!_scheduler.TryNext(out command, out var wait))
            {
                if (wait != Timeout.InfiniteTimeSpan && !_pumpScheduled)
                {
                    _pumpScheduled = true;
                    context.System.Scheduler.ScheduleOnce(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), context.Self, PumpGateway.Instance);
                }
                return;
            }
            if (_distributed is not null && !TakeDistributed(context, command)) return;
            Execute(context, command);
        }
    }

    /// <summary>The distributed bucket (several nodes on one broker connection). A store that fails falls back to the local limit.</summary>
    private bool TakeDistributed(IContext context, GatewayCommand command)
    {
        if (_bucketPending) { _held = command; return false; }
        ValueTask<RateLimitDecision> pending;
        try { pending = services.Options.RateLimits!.TryTakeAsync("broker:" + _id, _distributed!); }
        catch (Exception) { return true; }
        if (pending.IsCompleted) return Decide(context, command, pending.IsCompletedSuccessfully ? pending.Result : RateLimitDecision.Allow);
        _bucketPending = true;
        _held = command;
        context.ReenterAfter(pending.AsTask(), t =>
        {
            _bucketPending = false;
            _held = null;
            if (Decide(context, command, t.IsCompletedSuccessfully ? t.Result : RateLimitDecision.Allow)) Execute(context, command);
            Pump(context);
            return Task.CompletedTask;
        });
        return false;
    }

    private bool Decide(IContext context, GatewayCommand command, RateLimitDecision decision)
    {
        if (decision.Allowed) return true;
        Diagnostics.GatewayInstruments.Denied(_id, "bucket");
        _held = command;
        if (!_pumpScheduled)
        {
            _pumpScheduled = true;
            context.System.Scheduler.ScheduleOnce(decision.RetryAfter > TimeSpan.Zero ? decision.RetryAfter : TimeSpan.FromMilliseconds(10), context.Self, PumpGateway.Instance);
        }
        return false;
    }

    private void Execute(IContext context, GatewayCommand command)
    {
        if (command.Attempt == 0) Diagnostics.TickToOrderInstruments.OrderReachedBroker(command.TickArrivedAt);
        if (command.Kind == GatewayCommandKind.New) _placing[command.ClientOrderId] = command.Order!;
        Task<BrokerResult<BrokerOrderAck>> call = command.Kind switch
        {
            GatewayCommandKind.New => _broker.PlaceOrderAsync(command.Order!),
            GatewayCommandKind.Cancel => _broker.CancelOrderAsync(command.BrokerOrderId!),
            _ => _broker.ModifyOrderAsync(command.BrokerOrderId!, command.Modification!),
        };
        if (call.IsCompleted) Complete(context, command, call);
        else context.ReenterAfter(call, t => { Complete(context, command, t); Pump(context); return Task.CompletedTask; });
    }

    private void Complete(IContext context, GatewayCommand command, Task<BrokerResult<BrokerOrderAck>> call)
    {
        var result = call.IsCompletedSuccessfully
            ? call.Result
            : BrokerResult<BrokerOrderAck>.Fail(BrokerErrorKind.Transient, call.Exception?.GetBaseException().Message ?? "canceled");
        if (result.IsSuccess)
        {
            _scheduler.Breaker.RecordSuccess();
            if (command.Kind == GatewayCommandKind.New) OnPlaced(context, command, result.Value!);
        }
        else
        {
            var error = result.Error!;
            if (error.IsTransient) _scheduler.Breaker.RecordFailure();
            else _scheduler.Breaker.RecordSuccess();
            if (services.Options.Retry.ShouldRetry(error, command.Attempt + 1, out var delay))
            {
                if (command.Kind == GatewayCommandKind.New && error.Kind == BrokerErrorKind.Transient && _broker is IPolledBroker polled)
                    VerifyBeforeRetry(context, polled, command, delay);   // may have reached the broker: still placing until verified
                else
                {
                    PlacementSettled(context, command);
                    context.System.Scheduler.ScheduleOnce(delay, context.Self, new RetryCommand(command.NextAttempt()));
                }
            }
            else
            {
                PlacementSettled(context, command);
                Fail(command.ClientOrderId, command.Kind, error.Kind.ToString().ToUpperInvariant(), error.Message);
            }
        }
        Drain(context);
    }

    private void OnPlaced(IContext context, GatewayCommand command, BrokerOrderAck ack)
    {
        _inFlightNew.Remove(command.ClientOrderId);
        _brokerIds[command.ClientOrderId] = ack.BrokerOrderId;
        PlacementSettled(context, command);
        if (GatewayRouting.TryParse(command.ClientOrderId, out var account, out var orderId))
            services.Cluster.Send(TradingCore.AccountIdentity(account.Value), new GatewayReport(orderId, _id) { BrokerOrderId = ack.BrokerOrderId });
        if (_cancelAfterAck.Remove(command.ClientOrderId))
            Enqueue(context, GatewayCommand.Cancel(command.ClientOrderId, ack.BrokerOrderId, services.Time.GetUtcNow()));
    }
}
