using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Strategies;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Actors.Accounts;

/// <summary>
/// Child <c>strategy/&lt;name&gt;</c>: hosts one <see cref="IStrategy"/>, subscribed to its symbols' ticks (shared
/// <see cref="MarketTick"/> instances, conflating mailbox). Intents go straight to the risk child (the hot path:
/// symbol → strategy → risk → account). A throwing strategy is restarted with backoff by the account.
/// </summary>
public sealed class StrategyActor : IActor, IStrategyContext
{
    private readonly TradingServices _services;
    private readonly StrategyArgs _args;
    private Dictionary<SymbolId, decimal>? _last;       // created on the first tick: an idle strategy stays small
    private Dictionary<SymbolId, decimal>? _positions;  // created with the first non-zero position
    private Dictionary<SymbolId, BarBuilder>? _bars;     // created on the first tick
    private readonly string _prefix;
    private IStrategy _strategy = null!;
    private IContext _context = null!;
    private PID? _replyTo;
    private long _sequence;
    private long _tickArrivedAt; // diagnostics: the stamp of the tick being handled, carried by the orders it causes

    public StrategyActor(TradingServices services, StrategyArgs args)
    {
        _services = services;
        _args = args;
        if (args.Positions.Count != 0) _positions = new Dictionary<SymbolId, decimal>(args.Positions);
        MinRewardRisk = args.MinRewardRisk;
        _prefix = "s-" + args.InstanceName + "-";
    }

    public Task ReceiveAsync(IContext context)
    {
        _context = context;
        switch (context.Message)
        {
            case MarketTick t: OnTick(t); break;
            case StrategyPosition p: OnPosition(p); break;
            case DeliverSignal s: OnSignal(context, s); break;
            case StrategyLimits l: MinRewardRisk = l.MinRewardRisk; break;
            case Started: Start(context); break;
            case Stopping: Unsubscribe(context); break;
        }
        return Task.CompletedTask;
    }

    private void Start(IContext context)
    {
        _strategy = _services.Options.Strategies.TryCreate(_args.Type, _args.Parameters, out _, out var errors)
            ?? throw new InvalidOperationException($"strategy {_args.Type} cannot be created: {string.Join("; ", errors)}");
        // Client order ids stay unique across restarts and activations: the start time is part of them.
        _sequence = _services.Time.GetUtcNow().UtcTicks / TimeSpan.TicksPerMillisecond * 1000;
        _strategy.OnStart(this);
        foreach (var s in _args.Symbols) _services.Cluster.Request(TradingCore.SymbolIdentity(s.Value), new SubscribeTicks(), context.Self);
    }

    private void Unsubscribe(IContext context)
    {
        foreach (var s in _args.Symbols) _services.Cluster.Request(TradingCore.SymbolIdentity(s.Value), new UnsubscribeTicks(), context.Self);
    }

    private void OnTick(MarketTick tick)
    {
        if (_bars is null)
        {
            _last = new Dictionary<SymbolId, decimal>();
            _bars = new Dictionary<SymbolId, BarBuilder>();
            foreach (var s in _args.Symbols) _bars[s] = new BarBuilder(s);
        }
        _last![tick.Symbol] = tick.Last;
        _tickArrivedAt = tick.ArrivedAt;
        try
        {
            _strategy.OnTick(tick, this);
            if (_bars.TryGetValue(tick.Symbol, out var builder) && builder.OnTick(tick) is { } bar) _strategy.OnBar(bar, this);
        }
        finally { _tickArrivedAt = 0; }
    }

    private void OnPosition(StrategyPosition p)
    {
        (_positions ??= new Dictionary<SymbolId, decimal>())[p.Symbol] = p.NetQuantity;
        if (p.Fill is { } fill) _strategy.OnFill(fill, this);
    }

    private void OnSignal(IContext context, DeliverSignal s)
    {
        _replyTo = s.ReplyTo;
        try
        {
            var outcome = _strategy.OnSignal(s.Signal, this);
            if (!outcome.Accepted && s.ReplyTo is { } to)
                context.Send(to, Failures.FromSignalRejection(string.Join("; ", outcome.Errors)));
            else if (outcome.Accepted && _replyTo is not null) Submit(outcome.Intent!);
        }
        finally { _replyTo = null; }
    }

    public DateTimeOffset Now => _services.Time.GetUtcNow();
    public IReadOnlyList<SymbolId> Symbols => _args.Symbols;
    public decimal MinRewardRisk { get; private set; }
    public bool TryGetInstrument(SymbolId symbol, out InstrumentSpec instrument) => _services.Options.Instruments.TryGet(symbol, out instrument);
    public decimal PositionQuantity(SymbolId symbol) => _positions?.GetValueOrDefault(symbol) ?? 0m;
    /// <summary>The last tick this strategy saw, else the node's last tick of the symbol (the one its subscription is about
    /// to deliver): a signal right behind StartStrategy is valued instead of refused for want of a price.</summary>
    public decimal LastPrice(SymbolId symbol) =>
        _last is not null && _last.TryGetValue(symbol, out var seen) ? seen
        : _services.Ticks.TryGetLast(symbol, out var tick) ? tick.Last : 0m;

    public void Submit(OrderIntent intent)
    {
        var cid = new ClientOrderId(_prefix + (++_sequence).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var request = intent.ToRequest(_args.Account, cid, _args.InstanceName);
        var replyTo = _replyTo;
        _replyTo = null;
        _context.Send(_args.Risk, new EvaluateOrder(request, replyTo, LastPrice: _last is not null && _last.TryGetValue(intent.Symbol, out var p) ? p : null,
            TickArrivedAt: _tickArrivedAt));
    }
}
