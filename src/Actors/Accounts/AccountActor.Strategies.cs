using ActorTrading.Actors.Model;
using ActorTrading.Actors.Strategies;
using ActorTrading.Api.V1;
using ActorTrading.Events.V1;
using ActorTrading.Runtime;
using Google.Protobuf.Collections;

namespace ActorTrading.Actors.Accounts;

/// <summary>Strategy instances: start (journaled, token returned once), stop, list, external signals.</summary>
public sealed partial class AccountActor
{
    public const int MaxInstanceNameLength = 32;

    private async Task StartStrategyAsync(IContext context, StartStrategyRequest m)
    {
        if (ValidateStart(m) is { } failure) { await Reply(context, context.Sender, failure); return; }
        if (_state.Strategies.ContainsKey(m.InstanceName))
            { await Reply(context, context.Sender, Failures.AlreadyExists($"strategy instance '{m.InstanceName}' is running", "instance_name")); return; }
        var probe = _services.Options.Strategies.TryCreate(m.Type, m.Parameters, out var effective, out var errors);
        if (probe is null)
        {
            var field = _services.Options.Strategies.TryGet(m.Type, out _) ? "parameters" : "type";
            await Reply(context, context.Sender, Failures.Invalid(field, string.Join("; ", errors)));
            return;
        }
        var token = _services.Options.WebhookTokenFactory();
        var started = new StrategyStarted { InstanceName = m.InstanceName, Type = m.Type, WebhookTokenHash = WebhookTokens.Hash(token) };
        started.Symbols.AddRange(m.Symbols);
        foreach (var (k, v) in effective!.AsText) started.Parameters[k] = v;
        if (!await PersistAsync(context, [With(e => e.StrategyStarted = started)]).ConfigureAwait(false))
            { await Reply(context, context.Sender, Failures.Unavailable("journal unavailable: the strategy was not started")); return; }
        SpawnStrategy(context, started.InstanceName, started.Type, started.Symbols, started.Parameters);
        var instance = Instance(started, running: true);
        instance.WebhookToken = token;
        await Reply(context, context.Sender, instance);
    }

    private Cluster.V1.CommandFailed? ValidateStart(StartStrategyRequest m)
    {
        if (string.IsNullOrEmpty(m.Type)) return Failures.Invalid("type", "type is required (see ListStrategyTypes)");
        if (string.IsNullOrEmpty(m.InstanceName) || m.InstanceName.Length > MaxInstanceNameLength
            || !m.InstanceName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return Failures.Invalid("instance_name", $"instance_name must be 1..{MaxInstanceNameLength} letters, digits, '-' or '_'");
        if (m.Symbols.Count == 0) return Failures.Invalid("symbols", "at least one symbol is required");
        foreach (var s in m.Symbols)
        {
            if (!SymbolId.TryParse(s, out var symbol)) return Failures.Invalid("symbols", SymbolId.Validate(s)!);
            if (!_services.Options.Instruments.Contains(symbol)) return Failures.Invalid("symbols", $"unknown symbol {symbol}");
        }
        return null;
    }

    private async Task StopStrategyAsync(IContext context, StopStrategyRequest m)
    {
        if (!_state.Strategies.TryGetValue(m.InstanceName, out var started))
            { await Reply(context, context.Sender, Failures.NotFound($"strategy instance '{m.InstanceName}' not found", "instance_name")); return; }
        var stopped = new StrategyStopped { InstanceName = m.InstanceName, Reason = "stopped by request" };
        if (!await PersistAsync(context, [With(e => e.StrategyStopped = stopped)]).ConfigureAwait(false))
            { await Reply(context, context.Sender, Failures.Unavailable("journal unavailable: the strategy is still running")); return; }
        if (_strategies.Remove(m.InstanceName, out var pid)) context.Stop(pid);
        await Reply(context, context.Sender, Instance(started, running: false));
    }

    private Task ListStrategies(IContext context)
    {
        var response = new ListStrategiesResponse();
        foreach (var s in _state.Strategies.Values.OrderBy(s => s.InstanceName, StringComparer.Ordinal)) response.Strategies.Add(Instance(s, running: true));
        return ReplyRead(context, context.Sender, response);
    }

    private Task SendSignal(IContext context, SendSignalRequest m)
    {
        if (!_strategies.TryGetValue(m.InstanceName, out var pid))
            return Reply(context, context.Sender, Failures.NotFound($"strategy instance '{m.InstanceName}' not found", "instance_name"));
        if (ExternalSignal.TryFromProto(m, out var signal) is { } problem) return Reply(context, context.Sender, Failures.FromValidation(problem, "action", SendSignalRequest.Descriptor));
        if (m.Action == Side.Unspecified) return Reply(context, context.Sender, Failures.Invalid("action", "action must be BUY or SELL"));
        if (!SymbolId.TryParse(m.Symbol, out _)) return Reply(context, context.Sender, Failures.Invalid("symbol", SymbolId.Validate(m.Symbol)!));
        if (Blocked) return Reply(context, context.Sender, Failures.Unavailable($"account {_id}: risk or position is restarting"));
        context.Send(pid, new DeliverSignal(signal!, context.Sender));
        return Task.CompletedTask;
    }

    private StrategyInstance Instance(StrategyStarted s, bool running)
    {
        var i = new StrategyInstance { AccountId = _id.Value, InstanceName = s.InstanceName, Type = s.Type, Running = running };
        i.Symbols.AddRange(s.Symbols);
        i.Parameters.Add(s.Parameters);
        return i;
    }

    private void SpawnStrategy(IContext context, string name, string type, RepeatedField<string> symbols, MapField<string, string> parameters)
    {
        // Only what differs from the defaults is kept (an idle strategy holds no empty copies): no parameters means the
        // shared empty map, and a symbol without a position is simply absent (its quantity reads as 0).
        var seeded = new Dictionary<SymbolId, decimal>();
        foreach (var symbol in symbols.Select(SymbolId.Parse))
            if (_state.Positions.NetQuantity(symbol) is var quantity && quantity != 0) seeded[symbol] = quantity;
        var args = new StrategyArgs(_id, name, type, symbols.Select(SymbolId.Parse).ToArray(),
            parameters.Count == 0 ? StrategyArgs.NoParameters : new Dictionary<string, string>(parameters), _risk!,
            _state.Limits.MinRewardRisk, seeded.Count == 0 ? StrategyArgs.NoPositions : seeded);
        var services = _services; // props built in one step: one record, one closure, one delegate per strategy
        var props = Props.FromProducer(_ => new StrategyActor(services, args)) with
        {
            MailboxProducer = ConflatingTicks, Dispatcher = services.Options.HotPathDispatcher,
        };
        _strategies[name] = context.SpawnNamed(props, "strategy/" + name);
    }
}
